// Visitors who leave at once: people who wanted another "Acme", and plain bounces.
import type { Rng } from "../prng.js";
import type { Scene, Traffic } from "./common.js";

const OTHER_ACMES = ["acme anvils", "acme rocket skates", "acme corp looney tunes", "acme hardware store", "acme dynamite", "acme markets weekly ad"];

/** A search ad bought on "acme" catches people looking for something else. */
export function wrongProductTraffic(rng: Rng): Traffic {
  return {
    referrer: "https://www.google.com/",
    identified: false,
    utm: { utm_source: "google", utm_medium: "cpc", utm_campaign: "brand_search_us", utm_term: rng.pick(OTHER_ACMES) },
  };
}

export function bounceTraffic(rng: Rng): Traffic {
  const roll = rng.next();
  if (roll < 0.4) return { referrer: "$direct", identified: false };
  if (roll < 0.7) {
    return {
      referrer: "https://www.linkedin.com/",
      identified: false,
      utm: { utm_source: "linkedin", utm_medium: "social", utm_campaign: "launch_week", utm_term: "workflow automation" },
    };
  }
  return { referrer: rng.pick(["https://news.ycombinator.com/", "https://twitter.com/", "https://www.bing.com/"]), identified: false };
}

export function bounceWrongProduct(scene: Scene): void {
  scene.w.pageview("/", scene.utm).wait(2, 12).leave();
}

export function bounce(scene: Scene): void {
  const { w, rng } = scene;
  // Newsletter sign-up links carry the reader's email in the URL.
  const email = `reader${rng.int(100, 999)}@example.com`;
  const path = rng.pick(["/", "/", "/pricing", `/signup?email=${encodeURIComponent(email)}`]);
  w.pageview(path, scene.utm).wait(4, 40).leave();
}
