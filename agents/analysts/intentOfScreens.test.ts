import { describe, expect, it } from "vitest";
import { analyzeHeuristically } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** A mobile app's sessions: screens one segment deep, and every visit opens on the home screen. */
const profile = notebookProfile();
let seq = 0;
const ev = (offsetSec: number, event: string, properties: Record<string, unknown>): StoredEvent =>
  storedEvent(`m${String(++seq).padStart(3, "0")}`, { event, at: at(offsetSec), sessionId: "m1", properties });
const screen = (offsetSec: number, name: string) => ev(offsetSec, "$screen", { $screen_name: name });
const intentOf = (events: StoredEvent[]) => analyzeHeuristically(computeSignals("m1", events), profile).userIntent;

describe("what a user came to do, on screens as flat as the home screen", () => {
  it("a user blocked by an error came to do what failed, not to open the home screen", () => {
    const events = [screen(0, "HomeScreen"), screen(5, "ProgressScreen"), ev(9, "Sync Failed", { $screen_name: "ProgressScreen", error_message: "HealthKit query timed out" })];
    expect(intentOf(events)).toBe("Use /progressscreen.");
  });

  it("an untroubled visit came for the screens past the one every visit opens on", () => {
    const events = [screen(0, "HomeScreen"), screen(20, "WeeklyStatsScreen"), screen(60, "ProgressScreen")];
    expect(intentOf(events)).toBe("Use /weeklystatsscreen.");
  });
});
