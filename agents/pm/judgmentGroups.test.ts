import { describe, expect, it } from "vitest";
import { groupFailures } from "./groupFailures.js";
import { analyzeHeuristically } from "../analysts/heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { SessionSignals, StoredEvent } from "../../state/session.js";

/** Sessions of Quillboard (a made-up product), each built from events, reported by the rules, then grouped. */
function week(sessions: { id: string; events: (id: string) => StoredEvent[] }[], profile = notebookProfile()) {
  const signals = sessions.map(({ id, events }) => computeSignals(id, events(id)));
  const reports = signals.map((s) => analyzeHeuristically(s, profile));
  return groupFailures(reports, new Map<string, SessionSignals>(signals.map((s) => [s.sessionId, s])), profile);
}
const ev = (session: string, n: number, offsetSec: number, event: string, properties: Record<string, unknown> = {}) =>
  storedEvent(`${session}-${n}`, { event, at: at(offsetSec), sessionId: session, properties });
const page = (session: string, n: number, offsetSec: number, path: string) =>
  ev(session, n, offsetSec, "$pageview", { $current_url: `https://app.quillboard.test${path}`, $pathname: path.split("?")[0] });
const many = (count: number, prefix: string, events: (id: string) => StoredEvent[]) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, events }));

describe("patterns of a product that is not the demo", () => {
  it("never makes a pattern of noise, even in failed sessions", () => {
    const groups = week(
      many(8, "ext", (id) => [
        page(id, 1, 0, "/notebooks"),
        ev(id, 2, 5, "$exception", { $exception_list: [{ type: "TypeError", value: "grammar is null", stacktrace: { frames: [{ filename: "chrome-extension://abc/content.js", function: "check", lineno: 3, in_app: false }] } }] }),
        ev(id, 3, 6, "$exception", { $exception_type: "Error", $exception_message: "ResizeObserver loop limit exceeded" }),
        page(id, 4, 300, "/notebooks"),
      ]),
    );
    expect(groups.filter((g) => g.kind === "bug")).toEqual([]);
  });

  it("makes failures without a stack a pattern: a declared failure event, grouped by its message", () => {
    const profile = notebookProfile({ failureEvents: [{ event: "publish_failed", messageProperty: "reason" }] });
    const groups = week(
      [
        ...many(6, "quota", (id) => [page(id, 1, 0, "/notebooks/nb_1"), ev(id, 2, 10, "publish_failed", { reason: `page limit of ${id.length * 10} reached` }), page(id, 3, 20, "/billing")]),
        ...many(5, "perm", (id) => [page(id, 1, 0, "/share"), ev(id, 2, 10, "publish_failed", { reason: "reviewer lacks access" }), page(id, 3, 20, "/share")]),
      ],
      profile,
    );
    const bugs = groups.filter((g) => g.kind === "bug");
    expect(bugs.map((g) => [g.sessions, g.signal]).sort()).toEqual([
      [5, "publish_failed: reviewer lacks access"],
      [6, "publish_failed: page limit of <n> reached"],
    ]);
  });

  it("makes no pattern of visitors who wanted another product: that is acquisition, beside the NPS", () => {
    const groups = week(many(9, "ad", (id) => [ev(id, 1, 0, "$pageview", { $current_url: "https://quillboard.test/", $pathname: "/", utm_term: "quillboard chalk markers" })]));
    expect(groups).toEqual([]);
  });

  it("groups unmet searches by what users looked for, and names it in the title", () => {
    const search = (query: string) => (id: string) => [page(id, 1, 0, "/help"), ev(id, 2, 5, "help_searched", { query, results: 0 }), page(id, 3, 40, "/help")];
    const groups = week([
      ...many(6, "latex", search("latex equations")),
      ...many(2, "latex2", search("latex formulas")),
      ...many(5, "dark", search("dark mode")),
      // Found an article and read it: not an unmet need.
      ...many(7, "found", (id) => [page(id, 1, 0, "/help"), ev(id, 2, 5, "help_searched", { query: "share notebook", results: 4 }), page(id, 3, 8, "/help/articles/sharing"), page(id, 4, 120, "/help/articles/sharing")]),
    ]);
    const needs = groups.filter((g) => g.kind === "improvement");
    expect(needs.map((g) => g.sessions).sort()).toEqual([5, 8]);
    const latex = needs.find((g) => g.sessions === 8);
    expect(latex?.title).toMatch(/latex/);
    expect(latex?.sessionIds.every((id) => id.startsWith("latex"))).toBe(true);
    expect(needs.find((g) => g.sessions === 5)?.title).toMatch(/dark mode/);
  });

  it("keeps a failure event's name and values as the strings to search the code for, code-like ones first", () => {
    const groups = week(many(5, "exp", (id) => [page(id, 1, 0, "/notebooks/nb_1"), ev(id, 2, 10, "export_failed", { status: 502, provider: "dropbox", code: "upstream_timeout" }), page(id, 3, 30, "/notebooks/nb_1")]));
    const [bug] = groups.filter((g) => g.kind === "bug");
    expect(bug?.message).toBe("502");
    expect(bug?.literals).toEqual(["export_failed", "upstream_timeout", "dropbox"]);
  });
});
