import { describe, it, expect } from "vitest";
import { decide } from "./decide.js";

const thresholds = { ticketMinSessions: 5, highPriorityMinSessions: 20 };
const week = { sessions: 2000, averageScore: 6.5 };

describe("ticket decisions and priority", () => {
  it("flags what stays under ticketMinSessions, whatever the damage", () => {
    expect(decide({ sessions: 4, averageScore: 0 }, week, thresholds)).toEqual({ decision: "flag", priority: 4 });
    expect(decide({ sessions: 2, averageScore: 1 }, { sessions: 10, averageScore: 9 }, thresholds)).toEqual({ decision: "flag", priority: 4 });
    expect(decide({ sessions: 5, averageScore: 5 }, week, thresholds).decision).toBe("ticket");
  });

  it("flags a failure every one of its users got past, however many they are", () => {
    expect(decide({ sessions: 60, averageScore: 7.5, blocked: 0 }, week, thresholds)).toEqual({ decision: "flag", priority: 4 });
    expect(decide({ sessions: 60, averageScore: 7.5, blocked: 1 }, week, thresholds).decision).toBe("ticket");
  });

  it("makes highPriorityMinSessions high, urgent at 10% of the week or at 5% with a severe score drop", () => {
    expect(decide({ sessions: 20, averageScore: 5 }, week, thresholds)).toEqual({ decision: "ticket", priority: 2 });
    expect(decide({ sessions: 200, averageScore: 5 }, week, thresholds).priority).toBe(1); // 10.0%
    expect(decide({ sessions: 199, averageScore: 5 }, week, thresholds).priority).toBe(2); // 9.95%, drop 1.5
    expect(decide({ sessions: 100, averageScore: 2.5 }, week, thresholds).priority).toBe(1); // 5%, drop 4
    expect(decide({ sessions: 100, averageScore: 2.6 }, week, thresholds).priority).toBe(2); // 5%, drop 3.9
    expect(decide({ sessions: 99, averageScore: 0 }, week, thresholds).priority).toBe(2); // 4.95%: share first
    // A high-priority pattern never falls under "high", however mild.
    expect(decide({ sessions: 40, averageScore: 6.5 }, week, thresholds).priority).toBe(2);
  });

  it("moves a medium ticket up for a severe drop and down for a mild one, never to urgent", () => {
    expect(decide({ sessions: 10, averageScore: 4 }, week, thresholds).priority).toBe(3); // drop 2.5
    expect(decide({ sessions: 10, averageScore: 2.5 }, week, thresholds).priority).toBe(2); // drop 4
    expect(decide({ sessions: 19, averageScore: 0 }, { sessions: 19, averageScore: 0.5 }, thresholds).priority).toBe(4); // all the week, but no drop
    expect(decide({ sessions: 10, averageScore: 5.5 }, week, thresholds).priority).toBe(4); // drop 1
  });

  it("without scores for the week, decides by sessions and share alone", () => {
    expect(decide({ sessions: 10, averageScore: 0 }, { sessions: 0, averageScore: null }, thresholds)).toEqual({ decision: "ticket", priority: 3 });
    expect(decide({ sessions: 30, averageScore: 0 }, { sessions: 0, averageScore: null }, thresholds)).toEqual({ decision: "ticket", priority: 2 });
  });
});
