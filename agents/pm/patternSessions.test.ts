import { describe, it, expect } from "vitest";
import { groupFailures } from "./groupFailures.js";
import type { SessionReport } from "../../state/report.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";

/** One session that loads a page and throws the same in-app exception as every other. */
function failingSession(sessionId: string) {
  const exception = {
    $exception_list: [
      { type: "ImportError", value: "Missing required column", stacktrace: { frames: [{ filename: "src/import/csv.ts", function: "requireColumn", lineno: 69, in_app: true }] } },
    ],
  };
  return computeSignals(sessionId, [
    storedEvent(`${sessionId}-p`, { at: at(0), sessionId, properties: { $pathname: "/import" } }),
    storedEvent(`${sessionId}-e`, { event: "$exception", at: at(30), sessionId, properties: { $pathname: "/import", ...exception } }),
  ]);
}

describe("a failure pattern's sessions", () => {
  it("lists every session id, however many there are (triage --json and the evals count them)", () => {
    const ids = Array.from({ length: 45 }, (_, i) => `s${String(i).padStart(2, "0")}`);
    const reports = ids.map((sessionId): SessionReport => ({ sessionId, userIntent: "import", userSuccess: "failed", improvement: "", department: "data", score: 2, outcome: "failure", evidence: [], analyst: "heuristic", analystVersion: "v" }));
    const signals = new Map(ids.map((id) => [id, failingSession(id)] as const));
    const [group] = groupFailures(reports, signals, notebookProfile());
    expect(group?.sessions).toBe(45);
    expect(group?.sessionIds).toEqual(ids);
  });
});
