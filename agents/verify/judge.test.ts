import { describe, it, expect } from "vitest";
import { VerifySettings } from "../../state/profileSections/verify.js";
import { figuresOf, judge } from "./judge.js";
import { checkWindows } from "./windows.js";
import type { WindowReading } from "./windowReading.js";

const settings = VerifySettings.parse({});
const FP = "exc-aaaa";

/** A window of `total` product sessions in "sales", `hit` of them hit by the pattern and scored 2, the rest scored `score`. */
function reading(total: number, hit: number, score = 9): WindowReading {
  const sessions = Array.from({ length: total }, (_, i) => ({ sessionId: `s${i}`, score: i < hit ? 2 : score, department: "sales" }));
  return { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-08T00:00:00Z"), sessions, hits: new Map([[FP, new Set(sessions.slice(0, hit).map((s) => s.sessionId))]]) };
}
const side = (r: WindowReading) => figuresOf(r, FP, "sales");

describe("verdicts on simulated windows", () => {
  it("healed: the pattern stops and its flow is happier", () => {
    const j = judge(side(reading(1000, 60)), side(reading(1000, 2)), true, settings, null);
    expect(j.verdict).toBe("healed");
    expect(j.pLower).toBeLessThan(0.001);
    expect(j.npsChange!.change).toBeGreaterThan(0);
    expect(j.worse).toBe(false);
    expect(j.reason).toContain("60 of 1000 sessions (60‰) before, 2 of 1000 (2‰) after");
  });

  it("not healed: the same rate after", () => {
    const j = judge(side(reading(1000, 60)), side(reading(900, 55)), true, settings, null);
    expect(j.verdict).toBe("not_healed");
    expect(j.recurred).toBe(false);
    expect(j.worse).toBe(false);
  });

  it("a fix that made things worse is called out", () => {
    const j = judge(side(reading(1000, 20)), side(reading(1000, 60)), true, settings, null);
    expect(j.verdict).toBe("not_healed");
    expect(j.worse).toBe(true);
    expect(j.reason).toContain("rose");
  });

  it("the pattern fell but the flow's NPS fell significantly: not healed, and worse", () => {
    const j = judge(side(reading(1000, 60, 9)), side(reading(1000, 2, 3)), true, settings, null);
    expect(j.verdict).toBe("not_healed");
    expect(j.worse).toBe(true);
  });

  it("recurrence: healed before, back now", () => {
    const j = judge(side(reading(1000, 60)), side(reading(1000, 58)), true, settings, "healed");
    expect(j).toMatchObject({ verdict: "not_healed", recurred: true });
    expect(j.reason).toMatch(/^came back/);
  });

  it("inconclusive: too early, too few before, or too few to ever show a drop", () => {
    expect(judge(side(reading(1000, 60)), side(reading(300, 0)), false, settings, null)).toMatchObject({ verdict: "inconclusive", reason: expect.stringMatching(/^too early/) });
    expect(judge(side(reading(1000, 4)), side(reading(1000, 0)), true, settings, null)).toMatchObject({ verdict: "inconclusive", reason: expect.stringMatching(/^insufficient data: 4 sessions/) });
    // 6 before in 1,000, and the after-window holds only 200 sessions: 0 after is p = (1000/1200)^6 = 0.33.
    expect(judge(side(reading(1000, 6)), side(reading(200, 0)), true, settings, null)).toMatchObject({ verdict: "inconclusive", reason: expect.stringMatching(/even no session after/) });
  });

  it("thresholds come from the profile", () => {
    const strict = VerifySettings.parse({ minBaselineSessions: 100 });
    expect(judge(side(reading(1000, 60)), side(reading(1000, 2)), true, strict, null).verdict).toBe("inconclusive");
  });
});

describe("check windows", () => {
  const shipped = new Date("2026-03-02T00:00:00Z");
  it("baseline before shipping; nothing after until settled", () => {
    const w = checkWindows(shipped, new Date("2026-03-03T00:00:00Z"), settings);
    expect(w.before).toEqual({ from: new Date("2026-02-23T00:00:00Z"), to: shipped });
    expect(w.after).toBeNull();
  });
  it("a partial after-window is not complete; later, the latest full window is read", () => {
    expect(checkWindows(shipped, new Date("2026-03-06T00:00:00Z"), settings)).toMatchObject({ afterComplete: false, after: { from: new Date("2026-03-04T00:00:00Z") } });
    expect(checkWindows(shipped, new Date("2026-03-30T00:00:00Z"), settings)).toMatchObject({ afterComplete: true, after: { from: new Date("2026-03-23T00:00:00Z"), to: new Date("2026-03-30T00:00:00Z") } });
  });
});
