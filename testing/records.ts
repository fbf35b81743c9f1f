/** Builders for the warehouse's non-event records: reports, patterns, tickets, fix attempts. */
import type { SessionReport } from "../state/report.js";
import type { FailurePattern } from "../state/pattern.js";
import type { FixAttempt } from "../state/ticket.js";
import type { NewTicket } from "../warehouse/types.js";

export function report(sessionId: string, fields: Partial<SessionReport> = {}): SessionReport {
  return {
    sessionId,
    userIntent: "create a workflow",
    userSuccess: "saved it on the second try",
    improvement: "",
    department: "product",
    score: 7,
    outcome: "success",
    evidence: [],
    analyst: "heuristic",
    analystVersion: "v1",
    ...fields,
  };
}

export function pattern(fingerprint: string, fields: Partial<FailurePattern> = {}): FailurePattern {
  return {
    fingerprint,
    week: "2026-W02",
    title: `pattern ${fingerprint}`,
    kind: "bug",
    signal: "TypeError: x is undefined",
    department: "product",
    sessions: 5,
    sessionIds: [],
    intents: [],
    averageScore: 3,
    codeLocations: [],
    decision: "ticket",
    priority: 3,
    route: "fix the null check",
    ...fields,
  };
}

export function newTicket(fingerprint: string, fields: Partial<NewTicket> = {}): NewTicket {
  return {
    fingerprint,
    title: `ticket for ${fingerprint}`,
    body: "what happened",
    kind: "bug",
    priority: 2,
    labels: ["selfheal"],
    status: "open",
    sessions: 5,
    codeLocations: [{ path: "src/editor/save.ts", line: 42 }],
    ...fields,
  };
}

export function fixAttempt(ticketId: string, fields: Partial<FixAttempt> = {}): FixAttempt {
  return {
    ticketId,
    status: "failed_verification",
    branch: `selfheal/${ticketId}`,
    worktree: `/tmp/worktrees/${ticketId}`,
    briefPath: null,
    reason: "tests still fail",
    prUrl: null,
    testsBefore: "1 failed",
    testsAfter: "1 failed",
    createdAt: "2026-01-10T09:00:00.000Z",
    ...fields,
  };
}

/** Lets the clock move on, so that timestamps written after it are strictly later. */
export function tick(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
