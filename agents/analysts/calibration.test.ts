import { describe, expect, it } from "vitest";
import { analyzeHeuristically, heuristicVersion } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** Quillboard (testing/profiles.ts), a made-up notebook product: sessions without a success event, and what lowers one. */
const profile = notebookProfile();
let seq = 0;
const ev = (offsetSec: number, event: string, properties: Record<string, unknown> = {}): StoredEvent =>
  storedEvent(`c${String(++seq).padStart(3, "0")}`, { event, at: at(offsetSec), sessionId: "c1", properties });
const page = (offsetSec: number, path: string, extra: Record<string, unknown> = {}) =>
  ev(offsetSec, "$pageview", { $current_url: `https://app.quillboard.test${path}`, $pathname: path.split("?")[0], ...extra });
const click = (offsetSec: number, text: string) => ev(offsetSec, "$autocapture", { $event_type: "click", $el_text: text, $elements_chain: `a.link:text="${text}"` });
const inApp = [{ filename: "https://app.quillboard.test/assets/app-1a2b3c4d.js", function: "render", lineno: 10, colno: 5, in_app: true }];
const exception = (offsetSec: number, type: string, value: string) => ev(offsetSec, "$exception", { $exception_list: [{ type, value, stacktrace: { frames: inApp } }] });
const report = (events: StoredEvent[], p = profile) => analyzeHeuristically(computeSignals("c1", events), p);

describe("a visit without a success event", () => {
  it("is a success when the user read and clicked around and nothing went wrong", () => {
    const r = report([page(0, "/notebooks"), click(40, "Climate notes"), page(41, "/notebooks/nb_7"), page(200, "/notebooks/nb_8")]);
    expect(r).toMatchObject({ outcome: "success", score: 9, department: "editor", improvement: "" });
  });

  it("from a campaign is acquisition: a bounce on an on-target term, a visitor who wanted another product on an off-target one", () => {
    const visit = (term: string) => report([page(0, "/", { utm_source: "ads", utm_term: term }), click(30, "Pricing"), page(31, "/pricing"), page(90, "/pricing")]);
    expect(visit("shared research notebook").outcome).toBe("bounce");
    expect(visit("quillboard chalk markers").outcome).toBe("wrong_product");
  });

  it("on one page with no interaction at all is a bounce however long the tab stayed open; a click makes it a visit", () => {
    expect(report([page(0, "/notebooks"), ev(120, "$pageleave")]).outcome).toBe("bounce");
    expect(report([page(0, "/notebooks"), click(60, "Climate notes"), ev(120, "$pageleave")]).outcome).toBe("success");
  });

  it("opening pages faster than anyone reads is a crawler's bounce", () => {
    const crawl = ["/", "/pricing", "/notebooks", "/share", "/help", "/billing"].map((path, i) => page(i * 0.4, path));
    expect(report(crawl).outcome).toBe("bounce");
  });

  it("ending on a burst of rage clicks is a failure where they clicked", () => {
    const r = report([page(0, "/share"), ev(40, "$rageclick", { $el_text: "Share" }), ev(60, "$pageleave")]);
    expect(r).toMatchObject({ outcome: "failure", department: "sharing" });
    expect(r.score).toBeLessThanOrEqual(4);
  });

  it("got past a page that failed as it opened when it opened again without failing", () => {
    const r = report([page(0, "/share"), exception(1, "TypeError", "reviewers is undefined"), page(10, "/notebooks"), page(20, "/share"), click(60, "Copy link")]);
    expect(r.outcome).toBe("success");
    expect(r.score).toBeGreaterThanOrEqual(7);
    expect(r.score).toBeLessThanOrEqual(8);
    // Never opened again: blocked.
    expect(report([page(0, "/share"), exception(1, "TypeError", "reviewers is undefined"), page(10, "/notebooks"), click(60, "Climate notes")]).outcome).toBe("failure");
  });
});

describe("a help search that found nothing", () => {
  const noResults = (offsetSec: number, query: string) => ev(offsetSec, "help_search", { $pathname: "/help", query, results: 0 });

  it("is the need of the page the user opened the help from, and a failure when they left on it", () => {
    const r = report([page(0, "/share"), page(20, "/help"), noResults(25, "share with a whole group"), ev(60, "$pageleave")]);
    expect(r).toMatchObject({ outcome: "failure", department: "sharing" });
  });

  it("is partial when they went back to the product without it", () => {
    const r = report([page(0, "/share"), page(20, "/help"), noResults(25, "share with a whole group"), page(40, "/share"), page(90, "/notebooks")]);
    expect(r).toMatchObject({ outcome: "partial", department: "sharing" });
    expect(r.score).toBeLessThanOrEqual(6);
  });

  it("reads the help centre's routes from the profile", () => {
    const guided = notebookProfile({ searchEvents: { helpRoutes: ["/guide"] } });
    const events = [page(0, "/share"), page(20, "/guide"), ev(25, "guide_search", { $pathname: "/guide", query: "group sharing", results: 0 }), ev(60, "$pageleave")];
    expect(report(events, guided).department).toBe("sharing");
    // /guide is no help centre by default: the search is the need of the page it was made on.
    expect(report(events).department).toBe(profile.fallbackDepartment);
    expect(heuristicVersion(guided)).not.toBe(heuristicVersion(profile));
  });
});

describe("noise", () => {
  it("an image that failed to load is noise: the success stays a promoter", () => {
    const r = report([page(0, "/notebooks"), exception(5, "Error", "Failed to load avatar https://cdn.quillboard.test/avatars/u_1.png"), ev(30, "note_published")]);
    expect(r).toMatchObject({ outcome: "success", score: 9 });
    expect(r.noise).toHaveLength(1);
  });
});
