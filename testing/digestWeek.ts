/** A digest week with known figures, shared by the HTML and Markdown digest tests. */
import type { Warehouse } from "../warehouse/index.js";
import { importEvents } from "../connectors/importer.js";
import type { StoredEvent } from "../state/session.js";
import type { SessionReport } from "../state/report.js";
import type { FailurePattern } from "../state/pattern.js";

export const WEEK = "2026-W07"; // Monday 2026-02-09 .. Sunday 2026-02-15
export const PREVIOUS = "2026-W06"; // Monday 2026-02-02
export const VERSION = "heuristic-v1";
export const SCRIPT = "<script>alert(1)</script>";

export function pageview(sessionId: string, timestamp: string, pathname = "/cart"): StoredEvent {
  return {
    uuid: `ev-${sessionId}`,
    event: "$pageview",
    distinctId: `user-${sessionId}`,
    timestamp,
    sessionId,
    properties: { $session_id: sessionId, $pathname: pathname },
  };
}

export function report(sessionId: string, score: number, extra: Partial<SessionReport> = {}): SessionReport {
  return {
    sessionId,
    userIntent: `intent of ${sessionId}`,
    userSuccess: `what happened in ${sessionId}`,
    improvement: "",
    department: "checkout",
    score,
    outcome: score >= 7 ? "success" : "failure",
    evidence: [`ev-${sessionId}`],
    analyst: "heuristic",
    analystVersion: VERSION,
    ...extra,
  };
}

export function pattern(extra: Partial<FailurePattern> & Pick<FailurePattern, "fingerprint" | "title">): FailurePattern {
  return {
    week: WEEK,
    kind: "bug",
    signal: "TypeError: x is undefined",
    department: "checkout",
    sessions: 3,
    sessionIds: ["a1", "a5"],
    intents: ["buy"],
    averageScore: 3.5,
    codeLocations: [],
    decision: "ticket",
    priority: 2,
    route: "fix the cart total",
    ...extra,
  };
}

/** A week with known scores (NPS 40), a previous week (NPS 50), an empty week before, patterns, tickets, a fix. */
export async function seedDigestWeek(warehouse: Warehouse): Promise<void> {
  const current = ["a1", "a2", "a3", "a4", "a5"];
  const events = [
    ...current.map((id, i) => pageview(id, `2026-02-${i < 3 ? "09" : "11"}T1${i}:00:00.000Z`)),
    ...["p1", "p2", "p3", "p4"].map((id, i) => pageview(id, `2026-02-03T0${i}:00:00.000Z`)),
  ];
  await importEvents(warehouse, events);
  await warehouse.saveReports([
    report("a1", 10),
    report("a2", 9, { department: "onboarding" }),
    report("a3", 9),
    report("a4", 8),
    report("a5", 3, { userSuccess: `The cart crashed ${SCRIPT}`, improvement: "Fix the <b>total</b> & tax" }),
    // An older analyst's report of a1: not this digest's analyst version, so it must not count.
    report("a1", 0, { analystVersion: "heuristic-v0" }),
    report("p1", 10, { analystVersion: "heuristic-v0" }),
    report("p2", 10, { analystVersion: "heuristic-v0" }),
    report("p3", 10, { analystVersion: "heuristic-v0" }),
    report("p4", 2, { analystVersion: "heuristic-v0" }),
  ]);
  await warehouse.savePatterns(WEEK, [
    pattern({ fingerprint: "fp-cart", title: "Cart total crashes on coupon", sessions: 4, priority: 1, codeLocations: [{ path: "src/cart.ts", line: 42 }, { path: "src/coupon.ts", line: null }] }),
    pattern({ fingerprint: "fp-search", title: `Search is slow "><img src=x onerror=alert(2)>`, kind: "improvement", decision: "flag", sessions: 2, priority: 4 }),
  ]);
  // Fixed ids, as a tracker gives them: the page is what is under test, not id allocation.
  const cart = await warehouse.insertTicket({
    id: "SH-1", fingerprint: "fp-cart", title: "Cart total crashes on coupon", body: "b", kind: "bug", priority: 1,
    labels: ["selfheal", "skynet"], status: "open", sessions: 4, codeLocations: [],
  });
  const other = await warehouse.insertTicket({
    id: "SH-2", fingerprint: "fp-old", title: "Old login bug", body: "b", kind: "bug", priority: 3,
    labels: ["selfheal"], status: "in_review", sessions: 9, codeLocations: [],
  });
  const attempt = { worktree: "/tmp/wt", briefPath: null, testsBefore: null, testsAfter: null, createdAt: "2026-02-14T10:00:00.000Z" };
  await warehouse.saveFixAttempt({ ...attempt, ticketId: cart.id, status: "needs_model", branch: `skynet/${cart.id}`, reason: "no model configured", prUrl: null });
  await warehouse.saveFixAttempt({ ...attempt, ticketId: other.id, status: "pr_opened", branch: `skynet/${other.id}`, reason: "tests pass", prUrl: "https://github.com/acme/app/pull/7", testsBefore: "1 failed", testsAfter: "12 passed" });
}
