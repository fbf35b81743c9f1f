// Visits to Cadence's website (cadence.run, Segment's analytics.js): ads, searches, downloads.
import type { Rng } from "../../../demo/simulator/prng.js";
import type { SegmentVisit } from "../_kit/segment.js";
import type { Label } from "../_kit/truth.js";
import { score } from "../_kit/week.js";

export type Arrival = "organic" | "ad" | "wrong-ad";

export interface Visit {
  count: number;
  arrival: Arrival;
  run: (v: SegmentVisit) => Omit<Label, "noise">;
}

const BLOG = ["/blog/how-to-pace-your-first-half-marathon", "/blog/easy-runs-are-not-junk-miles", "/blog/treadmill-vs-outdoor-running"];

export const VISITS: Visit[] = [
  {
    count: 20,
    arrival: "organic",
    run: (v) => {
      v.pageView(v.rng.pick(["/", "/", BLOG[0] ?? "/"]), "Cadence — the running coach in your pocket");
      return { outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["bounce"] };
    },
  },
  {
    count: 15,
    arrival: "ad",
    run: (v) => {
      v.pageView("/", "Cadence — the running coach in your pocket").wait(20, 60);
      v.track("Hero Video Played", { seconds: v.rng.int(5, 30) }).wait(10, 40);
      v.pageView("/pricing", "Pricing · Cadence").wait(20, 90);
      return { outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["ad-visitor-left"] };
    },
  },
  {
    count: 12,
    arrival: "wrong-ad",
    run: (v) => {
      v.pageView("/", "Cadence — the running coach in your pocket").wait(4, 20);
      if (v.rng.chance(0.4)) v.pageView("/download", "Download Cadence").wait(3, 12);
      return { outcome: "wrong_product", score: 5, department: "growth", cause: null, tags: ["wrong-product"] };
    },
  },
  {
    count: 25,
    arrival: "organic",
    run: (v) => {
      v.pageView("/", "Cadence — the running coach in your pocket").wait(15, 90);
      if (v.rng.chance(0.5)) v.pageView("/pricing", "Pricing · Cadence").wait(10, 60);
      v.track("app_store_link_clicked", { store: v.rng.pick(["app_store", "google_play"]), placement: "hero" });
      return { outcome: "success", score: score(v.rng, 9, 10), department: "growth", cause: null, tags: ["happy-path"] };
    },
  },
  {
    count: 10,
    arrival: "organic",
    run: (v) => {
      v.pageView(v.rng.pick(BLOG), "Cadence Journal").wait(150, 420);
      v.track("Article Completed", { read_percent: v.rng.int(85, 100) });
      return { outcome: "success", score: 9, department: "growth", cause: null, tags: ["content-read"] };
    },
  },
];

export function arrival(rng: Rng, kind: Arrival): { referrer: string; campaign?: Record<string, string> } {
  if (kind === "ad") return { referrer: "https://l.instagram.com/", campaign: { source: "instagram", medium: "paid_social", name: "half-marathon-plan", content: rng.pick(["reel-pacing", "story-coach"]) } };
  if (kind === "wrong-ad") {
    const term = rng.pick(["cadence virtuoso download", "cadence allegro license", "cadence orcad student", "cadence spectre simulator", "cadence design systems careers"]);
    return { referrer: "https://www.google.com/", campaign: { source: "google", medium: "cpc", name: "brand", term } };
  }
  return { referrer: rng.pick(["", "https://www.google.com/", "https://www.reddit.com/r/running/", "https://duckduckgo.com/"]) };
}
