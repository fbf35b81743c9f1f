import { describe, expect, it } from "vitest";
import { analyzeHeuristically, heuristicVersion } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** Quillboard (testing/profiles.ts): a made-up shared-notebook product, not the demo. */
const profile = notebookProfile();
let seq = 0;
const ev = (offsetSec: number, event: string, properties: Record<string, unknown> = {}): StoredEvent =>
  storedEvent(`e${String(++seq).padStart(3, "0")}`, { event, at: at(offsetSec), sessionId: "q1", properties });
const page = (offsetSec: number, path: string, extra: Record<string, unknown> = {}) =>
  ev(offsetSec, "$pageview", { $current_url: `https://app.quillboard.test${path}`, $pathname: path.split("?")[0], ...extra });
const report = (events: StoredEvent[], p = profile) => analyzeHeuristically(computeSignals("q1", events), p);

const frame = (filename: string, inApp: boolean | undefined, fn = "handler") => ({ filename, function: fn, lineno: 10, colno: 5, ...(inApp === undefined ? {} : { in_app: inApp }) });
const exception = (offsetSec: number, type: string, value: string, frames: object[] = []) =>
  ev(offsetSec, "$exception", { $exception_list: [{ type, value, stacktrace: { frames } }] });

const click = (offsetSec: number, text: string) => ev(offsetSec, "$autocapture", { $event_type: "click", $el_text: text, $elements_chain: `a.link:text="${text}"` });
const inApp = [frame("https://app.quillboard.test/assets/app-1a2b3c4d.js", true, "render")];

describe("score calibration", () => {
  it("scores a short smooth success a promoter, and reads engagement from active time, not a tab left idle", () => {
    const quick = report([page(0, "/notebooks"), ev(25, "note_published"), page(40, "/notebooks")]);
    expect(quick).toMatchObject({ outcome: "success", score: 9 });
    // Open, idle for three hours, then used once: active time is a minute, not three hours.
    const idle = report([page(0, "/notebooks"), page(3 * 3600, "/notebooks/nb_81x2"), ev(3 * 3600 + 60, "note_published")]);
    expect(idle).toMatchObject({ outcome: "success", score: 9 });
    const engaged: StoredEvent[] = [page(0, "/notebooks")];
    for (let t = 60; t <= 600; t += 60) engaged.push(ev(t, "$autocapture", { $event_type: "click" }));
    engaged.push(ev(620, "note_published"));
    expect(report(engaged)).toMatchObject({ outcome: "success", score: 10 });
  });

  it("keeps a success reached after an error the user got past a success, lowered to a passive", () => {
    const r = report([page(0, "/share"), exception(10, "TypeError", "share link is undefined", [frame("https://app.quillboard.test/assets/share-1a2b3c4d.js", true)]), ev(40, "notebook_shared")]);
    expect(r.outcome).toBe("success");
    expect(r.score).toBeGreaterThanOrEqual(7);
    expect(r.score).toBeLessThanOrEqual(8);
  });

  it("puts a user blocked by a bug among the detractors", () => {
    const r = report([page(0, "/share"), exception(10, "TypeError", "share link is undefined", [frame("https://app.quillboard.test/assets/share.js", true)]), ev(15, "$rageclick", { $el_text: "Share" }), page(30, "/share")]);
    expect(r.outcome).toBe("failure");
    expect(r.score).toBeLessThanOrEqual(4);
  });
});

describe("noise is not a product failure", () => {
  it("a successful session with a browser extension's error and a ResizeObserver loop stays a promoter", () => {
    const r = report([
      page(0, "/notebooks"),
      exception(5, "TypeError", "Cannot read properties of null (reading 'grammar')", [frame("chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen/content.js", true)]),
      exception(8, "Error", "ResizeObserver loop completed with undelivered notifications."),
      exception(9, "Error", "Widget failed", [frame("https://widget.chatvendor.test/embed.js", undefined)]),
      ev(30, "note_published"),
    ]);
    expect(r).toMatchObject({ outcome: "success", score: 9 });
    expect(r.noise).toHaveLength(3);
  });

  it("describes a ResizeObserver loop as a benign browser error, not one from outside the product", () => {
    const r = report([page(0, "/notebooks"), exception(8, "Error", "ResizeObserver loop limit exceeded"), ev(30, "note_published")]);
    expect(r).toMatchObject({ outcome: "success", score: 9, noise: ["Error: ResizeObserver loop limit exceeded"] });
    expect(r.userSuccess).toMatch(/\(1 benign browser error, not counted\)$/);
    expect(r.userSuccess).not.toContain("outside the product");
  });

  it("a fetch the network never completed (the user left or went offline) is noise, as each browser words it", () => {
    for (const message of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed", "Network request failed"]) {
      const r = report([page(0, "/notebooks"), ev(20, "note_published"), exception(25, "TypeError", message, [frame("https://app.quillboard.test/assets/api-1a2b3c4d.js", true)])]);
      expect(r).toMatchObject({ outcome: "success", score: 9 });
      expect(r.noise).toHaveLength(1);
    }
  });

  it("benign errors are extendable in the profile", () => {
    const events = [page(0, "/notebooks"), exception(5, "QuotaExceededError", "localStorage is full"), ev(30, "note_published"), page(31, "/notebooks")];
    expect(report(events).outcome).toBe("success");
    expect(report(events).score).toBeLessThan(9);
    const tolerant = notebookProfile({ noise: { benignErrors: ["^QuotaExceededError"] } });
    expect(report(events, tolerant)).toMatchObject({ outcome: "success", score: 9 });
    expect(heuristicVersion(tolerant)).not.toBe(heuristicVersion(profile));
  });
});

describe("signals the profile declares", () => {
  it("a custom failure event without a stack is a product failure, with its message property", () => {
    const declared = notebookProfile({ failureEvents: [{ event: "export_rejected", messageProperty: "status" }] });
    const r = report([page(0, "/notebooks/nb_1"), ev(10, "export_rejected", { status: "413 payload too large" }), page(20, "/notebooks/nb_1")], declared);
    expect(r.outcome).toBe("failure");
    expect(r.userSuccess).toContain("413 payload too large");
    // An event named like an error is one by default (how Segment and Amplitude record them).
    const named = report([page(0, "/notebooks"), ev(10, "Error Shown", { message: "Could not save note" }), page(40, "/notebooks")]);
    expect(named.outcome).toBe("failure");
    // So is one named like a failure, its code as the message; someone's refusal is not.
    const failed = report([page(0, "/billing"), ev(10, "payment_failed", { plan: "pro", error_code: "authentication_required" }), page(40, "/billing")]);
    expect(failed.outcome).toBe("failure");
    expect(failed.userSuccess).toContain("authentication_required");
    expect(report([page(0, "/share"), ev(10, "invite_declined", { reason: "not now" }), page(40, "/share")]).userSuccess).not.toContain("hit");
  });

  it("a declared search event is seen; one that found nothing is an improvement named by the query", () => {
    const searching = notebookProfile({ searchEvents: { events: [{ event: "docs_lookup", queryProperty: "text", resultCountProperty: "hits" }] } });
    const r = report([page(0, "/help"), ev(5, "docs_lookup", { text: "latex equations", hits: 0 }), page(40, "/help")], searching);
    expect(r.outcome).toBe("failure");
    expect(r.improvement).toContain("latex equations");
    expect(r.improvement).not.toContain('"'); // quoted values would be masked when the PM groups the needs
  });

  it("a search followed by reading a result is not a failure", () => {
    const r = report([page(0, "/help"), page(5, "/help/search?q=share%20with%20reviewers"), page(15, "/help/articles/sharing-notebooks"), page(90, "/help/articles/sharing-notebooks")]);
    expect(r.outcome).not.toBe("failure");
    expect(r.improvement).toBe("");
  });

  it("URL parameters that are not searches are not: /pricing?term=annual", () => {
    const r = report([page(0, "/pricing?term=annual"), page(20, "/pricing?term=monthly"), page(50, "/billing")]);
    expect(r.userIntent).not.toContain("annual");
    expect(r.improvement).toBe("");
  });
});

describe("acquisition", () => {
  const bounce = (term: string) => report([page(0, "/", { utm_term: term, utm_source: "ads" })]);
  it("an off-target ad term is a visitor who wanted another product, an on-target one a plain bounce", () => {
    expect(bounce("quillboard chalk markers").outcome).toBe("wrong_product");
    expect(bounce("shared research notebook").outcome).toBe("bounce");
    expect(bounce("quillboard").outcome).toBe("bounce");
  });
});

describe("department", () => {
  it("is where the outcome happened: the success event's route, not the deepest route visited", () => {
    const r = report([page(0, "/billing"), page(10, "/notebooks/nb_1/settings/advanced/export"), page(30, "/share"), ev(40, "notebook_shared"), page(50, "/billing")]);
    expect(r.department).toBe("sharing");
  });

  it("is the failure's route for a session blocked by one", () => {
    const r = report([page(0, "/notebooks"), page(10, "/billing"), exception(15, "Error", "card declined by processor", [frame("https://app.quillboard.test/assets/pay.js", true)]), page(40, "/help")]);
    expect(r.department).toBe("billing");
  });
});

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
    const r = report([page(0, "/share"), exception(1, "TypeError", "reviewers is undefined", inApp), page(10, "/notebooks"), page(20, "/share"), click(60, "Copy link")]);
    expect(r.outcome).toBe("success");
    expect(r.score).toBeGreaterThanOrEqual(7);
    expect(r.score).toBeLessThanOrEqual(8);
    // Never opened again: blocked.
    expect(report([page(0, "/share"), exception(1, "TypeError", "reviewers is undefined", inApp), page(10, "/notebooks"), click(60, "Climate notes")]).outcome).toBe("failure");
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

describe("noise is not a product failure, continued", () => {
  it("an image that failed to load is noise: the success stays a promoter", () => {
    const r = report([page(0, "/notebooks"), exception(5, "Error", "Failed to load avatar https://cdn.quillboard.test/avatars/u_1.png", inApp), ev(30, "note_published")]);
    expect(r).toMatchObject({ outcome: "success", score: 9 });
    expect(r.noise).toHaveLength(1);
  });
});
