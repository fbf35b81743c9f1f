import { describe, it, expect } from "vitest";
import { groupFailures } from "./groupFailures.js";
import type { SessionReport } from "../../state/report.js";
import type { SessionSignals } from "../../state/session.js";

describe("a failure pattern's sessions", () => {
  it("lists every session id, however many there are (triage --json and the evals count them)", () => {
    const ids = Array.from({ length: 45 }, (_, i) => `s${String(i).padStart(2, "0")}`);
    const reports = ids.map((sessionId): SessionReport => ({ sessionId, userIntent: "import", userSuccess: "failed", improvement: "", department: "data", score: 2, outcome: "failure", evidence: [], analyst: "heuristic", analystVersion: "v" }));
    const signals = new Map(
      ids.map((sessionId): [string, SessionSignals] => [
        sessionId,
        {
          sessionId, distinctId: "u", startedAt: "2026-01-05T10:00:00.000Z", endedAt: "2026-01-05T10:01:00.000Z", durationSec: 60, eventCount: 3, pageviews: 1, clicks: 1,
          routes: ["/import"], entryRoute: "/import", exitRoute: "/import", referrer: null, utm: {}, clickSignals: [], customEvents: [], searches: [], lastEventId: "e",
          exceptions: [{ eventId: `${sessionId}-e`, type: "CsvImportError", message: "Missing required column", route: "/import", at: "2026-01-05T10:00:30.000Z", frames: [{ file: "src/import/csv.ts", function: "requireColumn", line: 69, inApp: true }] }],
        },
      ]),
    );
    const [group] = groupFailures(reports, signals);
    expect(group?.sessions).toBe(45);
    expect(group?.sessionIds).toEqual(ids);
  });
});
