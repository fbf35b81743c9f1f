// Visitors of the marketing site and new accounts: ads, searches for other products, bots, signups.
import { SITE, ui, visitor, type HandSession } from "../hand.js";

const google = "https://www.google.com/";

export const VISITORS: HandSession[] = [
  {
    name: "ad-visitor-reads-pricing-leaves",
    start: "2026-11-23T14:20:00Z",
    visitor: visitor("0193b7a1-5c2e-7d41-9f0a-1b2c3d4e5f60", "chrome-mac", { referrer: google, utm: { utm_source: "google", utm_medium: "cpc", utm_campaign: "esignature-smb", utm_term: "electronic signature for small business" } }),
    origin: SITE,
    script: (s) => {
      s.pageview("/", { title: "Inkwell — e-signatures for small businesses" }).wait(42);
      s.click(ui.link("Pricing", "/pricing"));
      s.pageview("/pricing", { title: "Pricing · Inkwell" }).wait(64);
      s.pageleave();
    },
    label: { outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["ad-visitor-left"] },
  },
  {
    name: "wanted-a-tattoo-studio",
    start: "2026-11-24T20:11:00Z",
    visitor: visitor("0193b7a2-1111-7aaa-8bbb-0c0d0e0f1011", "safari-iphone", { referrer: google, utm: { utm_source: "google", utm_medium: "cpc", utm_campaign: "brand", utm_term: "inkwell tattoo studio booking" } }),
    origin: SITE,
    script: (s) => {
      s.pageview("/", { title: "Inkwell — e-signatures for small businesses" }).wait(6);
      s.pageleave();
    },
    label: { outcome: "wrong_product", score: 5, department: "growth", cause: null, tags: ["wrong-product"] },
  },
  {
    name: "wanted-fountain-pen-ink",
    start: "2026-11-25T21:35:00Z",
    visitor: visitor("0193b7a3-2222-7ccc-9ddd-1e1f20212223", "chrome-android", { referrer: "https://duckduckgo.com/" }),
    origin: SITE,
    script: (s) => {
      s.pageview("/", { title: "Inkwell — e-signatures for small businesses" }).wait(9);
      s.click(ui.link("Help", "/help"));
      s.pageview("/help", { title: "Help · Inkwell" }).wait(5);
      s.capture("help_searched", { query: "fountain pen ink refill bottle", results_count: 0 });
      s.pageview("/help/search?q=fountain%20pen%20ink%20refill%20bottle", { title: "Search · Inkwell Help" }).wait(4);
      s.pageleave();
    },
    label: { outcome: "wrong_product", score: 5, department: "growth", cause: null, tags: ["wrong-product", "help-search-not-found"] },
  },
  {
    name: "headless-crawler",
    start: "2026-11-26T03:14:07Z",
    visitor: visitor("0193b7a4-3333-7eee-8fff-242526272829", "headless"),
    origin: SITE,
    script: (s) => {
      for (const path of ["/", "/pricing", "/features", "/security", "/blog", "/legal/terms", "/legal/privacy", "/signup", "/help"]) s.pageview(path, { title: "Inkwell" }).wait(0.3);
    },
    label: { outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["bot"] },
  },
  {
    name: "pricing-reader-signs-up",
    start: "2026-11-27T10:03:00Z",
    visitor: visitor("0193b7a5-4444-7aaa-9bbb-2a2b2c2d2e2f", "edge-windows", { referrer: "https://www.bing.com/" }),
    origin: SITE,
    script: (s) => {
      s.pageview("/", { title: "Inkwell — e-signatures for small businesses" }).wait(55);
      s.pageview("/pricing", { title: "Pricing · Inkwell" }).wait(240);
      s.click(ui.button("Start free trial", "start-trial"));
      s.pageview("/signup", { title: "Create your account · Inkwell" }).wait(48);
      s.click(ui.button("Create account", "create-account"));
      s.capture("signup_completed", { plan: "trial" }).wait(5);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "growth", cause: null, tags: ["happy-path"] },
    quirk: { truncate: 3 },
  },
  {
    name: "signup-with-password-manager-error",
    start: "2026-11-28T11:30:00Z",
    visitor: visitor("0193b7a6-5555-7ccc-8ddd-303132333435", "chrome-mac", { referrer: google }),
    origin: SITE,
    script: (s) => {
      s.pageview("/signup", { title: "Create your account · Inkwell" }).wait(4);
      s.exception({
        $exception_list: [
          {
            type: "TypeError",
            value: "Cannot read properties of undefined (reading 'ControlLooksLikePasswordCredentialField')",
            mechanism: { type: "onerror", handled: false, synthetic: false },
            stacktrace: { type: "raw", frames: [{ platform: "web:javascript", filename: "chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js", function: "HTMLDocument.<anonymous>", lineno: 71, colno: 2034, in_app: false }] },
          },
        ],
      }).wait(40);
      s.click(ui.button("Create account", "create-account"));
      s.capture("signup_completed", { plan: "trial" }).wait(6);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "growth", cause: null, noise: ["ext-password-manager"], tags: ["extension-error"] },
  },
];
