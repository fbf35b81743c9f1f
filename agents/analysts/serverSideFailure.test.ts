import { describe, expect, it } from "vitest";
import { analyzeHeuristically } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** A session of a source without sessions (Segment): every event inferred, the last one a server-side job's. */
const profile = notebookProfile();
const ev = (uuid: string, offsetSec: number, event: string, properties: Record<string, unknown>): StoredEvent => ({
  ...storedEvent(uuid, { event, at: at(offsetSec), sessionId: "inferred:1", properties }),
  sessionInferred: true,
});
const onPage = { $pathname: "/notes/n_1", $current_url: "https://app.quillboard.test/notes/n_1" };

describe("a server-side failure joined after the user's last page", () => {
  it("is met as the user left, never a negative time later", () => {
    const events = [
      ev("e1", 0, "$pageview", onPage),
      ev("e2", 30, "export_clicked", onPage),
      // the render job fails 2 s after the user's last event in the product; it has no page
      ev("e3", 32, "Render Job Failed", { status: 504, message: "Render timed out" }),
    ];
    const report = analyzeHeuristically(computeSignals("inferred:1", events), profile);
    expect(report.userSuccess).toContain("Render Job Failed");
    expect(report.userSuccess).not.toMatch(/-\d+ s/);
    expect(report.userSuccess).toContain("left 0 s later");
  });
});
