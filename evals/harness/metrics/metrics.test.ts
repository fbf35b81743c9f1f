import { describe, it, expect } from "vitest";
import { adjustedRandIndex } from "./rand.js";
import { gathererMetrics } from "./gatherer.js";
import { pmMetrics } from "./pm.js";
import type { Truth, TruthSession } from "../truth.js";
import type { SessionReport } from "../../../state/report.js";
import type { FailurePattern } from "../../../state/pattern.js";

const truthOf = (outcome: TruthSession["outcome"], score: number, department = "product", cause: TruthSession["cause"] = null): TruthSession => ({ anchor: "a", outcome, score, department, cause, noise: [], tags: [] });
const report = (sessionId: string, fields: Partial<SessionReport>): SessionReport => ({
  sessionId,
  userIntent: "",
  userSuccess: "",
  improvement: "",
  department: "product",
  score: 9,
  outcome: "success",
  evidence: [],
  analyst: "heuristic",
  analystVersion: "v",
  ...fields,
});

describe("adjusted Rand index", () => {
  it("is 1 for the same partition under other names, and 0-ish or below for unrelated ones", () => {
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "x", "y", "y"])).toBe(1);
    // Hand-computed: contingency [[1,1],[1,1]]: index 0, expected 2*2/6, max 2 -> (0 - 2/3) / (2 - 2/3) = -0.5
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "y", "x", "y"])).toBeCloseTo(-0.5, 10);
    // A three-session problem with one session split off: index 2, row pairs 3+1, column pairs 1+0+1, n=5.
    expect(adjustedRandIndex(["a", "a", "a", "b", "b"], ["x", "x", "y", "z", "z"])).toBeCloseTo((2 - (4 * 2) / 10) / ((4 + 2) / 2 - (4 * 2) / 10), 10);
    expect(adjustedRandIndex(["a"], ["x"])).toBeNull();
  });
});

describe("gatherer metrics", () => {
  it("scores product users only, bands per true outcome, and NPS over who each side calls a user", () => {
    const truth = new Map<string, TruthSession>([
      ["s1", truthOf("success", 9)],
      ["s2", truthOf("failure", 2, "sales")],
      ["s3", truthOf("bounce", 5, "growth")],
      ["s4", truthOf("success", 7)],
    ]);
    const reports = [
      report("s1", { score: 10, evidence: ["e1", "ghost"] }),
      report("s2", { score: 6, outcome: "failure", department: "sales", evidence: ["e2"] }),
      report("s3", { score: 9, outcome: "success", department: "growth" }),
    ];
    const events = new Map([["s1", new Set(["e1"])], ["s2", new Set(["e2"])]]);
    const { metrics, figures } = gathererMetrics(truth, reports, events);
    expect(metrics["gatherer.reportCoverage"]).toBe(0.75);
    // |10-9| and |6-2| over the two product users with a report; the bounce's score is not measured
    expect(metrics["gatherer.scoreMae"]).toBe(2.5);
    expect(metrics["gatherer.bandAgreement.success"]).toBe(1);
    expect(metrics["gatherer.bandAgreement.failure"]).toBe(1);
    expect(metrics["gatherer.bandAgreement.partial"]).toBeNull();
    expect(metrics["gatherer.outcomeAccuracy"]).toBeCloseTo(2 / 3, 10);
    expect(metrics["gatherer.departmentAccuracy"]).toBe(1);
    expect(metrics["gatherer.evidenceValidity"]).toBeCloseTo(2 / 3, 10);
    // truth: s1 promoter, s2 detractor, s4 passive -> 0; analyst: s1, s2 and s3 (it took the bounce for a user) -> (2-1)/3
    expect(figures).toMatchObject({ trueNps: 0, nps: 33 });
    expect(metrics["gatherer.npsError"]).toBe(33);
  });

  it("counts bug-blocked sessions scored as detractors, and noisy successes not lowered under 7", () => {
    const bug = { kind: "bug" as const, id: "crash" };
    const noisy = (score: number): TruthSession => ({ ...truthOf("success", score), noise: ["ext"] });
    const truth = new Map<string, TruthSession>([
      ["blocked", truthOf("failure", 2, "product", bug)],
      ["half-blocked", truthOf("partial", 4, "product", bug)],
      ["blocked-scored-passive", truthOf("failure", 1, "product", bug)],
      // Got past the bug: a success, not blocked, whatever its score.
      ["got-past", truthOf("success", 7, "product", bug)],
      // Blocked by a missing feature, not a bug.
      ["missing", truthOf("failure", 3, "product", { kind: "improvement", id: "export" })],
      ["noisy-kept", noisy(9)],
      ["noisy-at-seven", noisy(9)],
      ["noisy-lowered", noisy(10)],
      ["noisy-failure", { ...truthOf("failure", 2), noise: ["ext"] }],
    ]);
    const reports = [
      report("blocked", { score: 6, outcome: "failure" }),
      report("half-blocked", { score: 0, outcome: "partial" }),
      report("blocked-scored-passive", { score: 7, outcome: "failure" }),
      report("got-past", { score: 9 }),
      report("missing", { score: 9 }),
      report("noisy-kept", { score: 10 }),
      report("noisy-at-seven", { score: 7 }),
      report("noisy-lowered", { score: 6 }),
      report("noisy-failure", { score: 9, outcome: "failure" }),
    ];
    const { metrics } = gathererMetrics(truth, reports, new Map());
    expect(metrics["gatherer.bugBlockedDetractor"]).toBeCloseTo(2 / 3, 10);
    expect(metrics["gatherer.noiseSuccessUnlowered"]).toBeCloseTo(2 / 3, 10);
    expect(gathererMetrics(new Map([["s", truthOf("success", 9)]]), [report("s", {})], new Map()).metrics).toMatchObject({
      "gatherer.bugBlockedDetractor": null,
      "gatherer.noiseSuccessUnlowered": null,
    });
  });
});

describe("PM metrics", () => {
  const truth: Truth = {
    sessions: [],
    bugs: [
      { id: "crash", title: "crash", file: "src/a.ts", line: 40 },
      { id: "rare", title: "rare", file: "src/b.ts", line: 10 },
    ],
    improvements: [{ id: "export", wants: "export", keywords: [] }],
    noise: [{ id: "ext", description: "extension" }],
  };
  const bySession = new Map<string, TruthSession>();
  const bug = (id: string) => ({ kind: "bug" as const, id });
  for (const id of ["c1", "c2", "c3", "c4", "c5", "c6"]) bySession.set(id, truthOf("failure", 2, "product", bug("crash")));
  bySession.set("r1", truthOf("failure", 2, "product", bug("rare")));
  for (const id of ["x1", "x2", "x3", "x4", "x5"]) bySession.set(id, truthOf("failure", 3, "product", { kind: "improvement", id: "export" }));
  for (const id of ["n1", "n2", "n3", "n4", "n5"]) bySession.set(id, { ...truthOf("success", 9), noise: ["ext"] });
  const pattern = (fingerprint: string, kind: FailurePattern["kind"], decision: FailurePattern["decision"], sessionIds: string[], codeLocations: FailurePattern["codeLocations"] = []): FailurePattern => ({
    fingerprint, week: "2026-W01", title: fingerprint, kind, signal: "", department: "product", sessions: sessionIds.length, sessionIds, intents: [], averageScore: 2, codeLocations, decision, priority: 2, route: "",
  });

  it("finds each problem's best pattern, and counts noise and split-off duplicates against the tickets", () => {
    const patterns = [
      pattern("crash-main", "bug", "ticket", ["c1", "c2", "c3", "c4", "x1"], [{ path: "./src/a.ts", line: 44 }]),
      pattern("crash-split", "bug", "ticket", ["c5", "c6"], [{ path: "src/a.ts", line: 90 }]),
      pattern("noise", "bug", "ticket", ["n1", "n2", "n3", "n4", "n5"]),
      pattern("export", "bug", "ticket", ["x2", "x3", "x4", "x5"]),
      pattern("rare", "bug", "flag", ["r1"], [{ path: "src/other.ts", line: 10 }]),
    ];
    const { metrics, problems, strays } = pmMetrics(truth, bySession, patterns, 5);
    const crash = problems.find((p) => p.id === "crash")!;
    expect(crash).toMatchObject({ sessions: 6, coverage: 4 / 6, purity: 4 / 5, shouldTicket: true, fileHit: true, lineHit: true });
    expect(crash.best?.fingerprint).toBe("crash-main");
    expect(problems.find((p) => p.id === "rare")).toMatchObject({ coverage: 1, purity: 1, shouldTicket: false, fileHit: false, lineHit: false });
    expect(problems.find((p) => p.id === "export")).toMatchObject({ coverage: 4 / 5, purity: 1 });
    expect(metrics["pm.bugCoverage"]).toBeCloseTo((4 / 6 + 1) / 2, 10);
    expect(metrics["pm.bugPurity"]).toBeCloseTo((4 / 5 + 1) / 2, 10);
    // Four tickets: crash-main and export are distinct problems; the split-off crash and the noise are not.
    expect(metrics["pm.ticketPrecision"]).toBe(2 / 4);
    expect(metrics["pm.ticketRecall"]).toBe(1);
    // Right: crash-main and export ticketed, rare flagged. Wrong: crash-split and noise ticketed.
    expect(metrics["pm.decisionAccuracy"]).toBe(3 / 5);
    // export's pattern was called a bug; the noise pattern has no problem to be right or wrong about.
    expect(metrics["pm.kindAccuracy"]).toBe(3 / 4);
    expect(metrics["pm.fileHitRate"]).toBe(1 / 2);
    expect(metrics["pm.lineHitRate"]).toBe(1 / 2);
    expect(strays.map((s) => [s.fingerprint, s.problem])).toEqual([["crash-split", "bug:crash"], ["noise", null]]);
    expect(metrics["pm.adjustedRand"]).toBeLessThan(1);
  });

  it("counts a frequent bug as found only when one pure pattern holds it and names its file and line", () => {
    const located = [{ path: "src/a.ts", line: 42 }];
    const whole = pmMetrics(truth, bySession, [pattern("crash", "bug", "ticket", ["c1", "c2", "c3", "c4", "c5", "c6"], located)], 5).metrics;
    // rare has one session: it is not frequent, and does not count either way.
    expect(whole["pm.frequentBugsLocated"]).toBe(1);
    const fileOnly = [{ path: "src/a.ts", line: 90 }];
    expect(pmMetrics(truth, bySession, [pattern("crash", "bug", "ticket", ["c1", "c2", "c3", "c4", "c5", "c6"], fileOnly)], 5).metrics["pm.frequentBugsLocated"]).toBe(0);
    // Five of six sessions is under 90%, though the pattern is pure and located.
    expect(pmMetrics(truth, bySession, [pattern("crash", "bug", "ticket", ["c1", "c2", "c3", "c4", "c5"], located)], 5).metrics["pm.frequentBugsLocated"]).toBe(0);
    // Six of seven sessions of the pattern are the bug's: under 90% pure.
    const mixed = pattern("crash", "bug", "ticket", ["c1", "c2", "c3", "c4", "c5", "c6", "x1"], located);
    expect(pmMetrics(truth, bySession, [mixed], 5).metrics["pm.frequentBugsLocated"]).toBe(0);
    const rareOnly: Truth = { ...truth, bugs: truth.bugs.filter((b) => b.id === "rare") };
    expect(pmMetrics(rareOnly, bySession, [], 5).metrics["pm.frequentBugsLocated"]).toBeNull();
  });

  it("counts tickets that stand for no true problem", () => {
    const patterns = [
      pattern("crash", "bug", "ticket", ["c1", "c2", "c3", "c4", "c5", "c6"]),
      pattern("noise", "bug", "ticket", ["n1", "n2", "n3"]),
      pattern("mix", "bug", "ticket", ["n4", "x1", "r1"]),
      pattern("flagged-noise", "bug", "flag", ["n5"]),
    ];
    expect(pmMetrics(truth, bySession, patterns, 5).metrics["pm.noiseTickets"]).toBe(2);
    expect(pmMetrics(truth, bySession, patterns.slice(0, 1), 5).metrics["pm.noiseTickets"]).toBe(0);
  });

  it("says when a pattern does not list every one of its sessions", () => {
    const capped = { ...pattern("crash", "bug", "ticket", ["c1", "c2"]), sessions: 6 };
    expect(pmMetrics(truth, bySession, [capped], 5).patternErrors).toEqual(["pattern crash lists 2 session ids for 6 sessions"]);
  });
});
