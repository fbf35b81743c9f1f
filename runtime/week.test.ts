import { describe, it, expect } from "vitest";
import { latestRealWeek } from "./week.js";

const NOW = new Date("2026-12-01T12:00:00Z"); // a Tuesday of 2026-W49

describe("the default week", () => {
  it("is the latest week holding a real share of the sessions, not one with a few stray events", () => {
    const perWeek = [
      { week: "2026-W46", sessions: 1800 },
      { week: "2026-W47", sessions: 2000 },
      { week: "2026-W48", sessions: 3 },
    ];
    expect(latestRealWeek(perWeek, NOW)).toBe("2026-W47");
    expect(latestRealWeek([...perWeek, { week: "2026-W49", sessions: 700 }], NOW)).toBe("2026-W49");
  });

  it("is a small product's only week, and last week for an empty warehouse", () => {
    expect(latestRealWeek([{ week: "2026-W10", sessions: 4 }], NOW)).toBe("2026-W10");
    expect(latestRealWeek([], NOW)).toBe("2026-W48");
  });

  it("measures the share against recent weeks, so a product that shrank since last year keeps its latest week", () => {
    const lastYear = Array.from({ length: 20 }, (_, i) => ({ week: `2025-W${String(i + 10).padStart(2, "0")}`, sessions: 50_000 }));
    const now = Array.from({ length: 8 }, (_, i) => ({ week: `2026-W${String(i + 40).padStart(2, "0")}`, sessions: 2_000 }));
    expect(latestRealWeek([...lastYear, ...now], NOW)).toBe("2026-W47");
  });
});
