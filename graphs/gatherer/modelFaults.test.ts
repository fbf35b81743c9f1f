import { describe, it, expect, beforeEach, afterEach, vi } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { buildGathererGraph } from "./index.js";
import { FAILURES_LISTED } from "./state.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { FakeOpenAIServer } from "../../testing/fakeOpenAI.js";
import { FaultPlan } from "../../testing/faultPlan.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { llmVersionFor } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../state/loadProfile.js";
import { SessionReport } from "../../state/report.js";
import { setLogFormat } from "../../runtime/logger.js";

// A middling report: never one the record check refuses (what is under test here is the faults, not the judgment).
const REPORT = { userIntent: "Build a workflow.", userSuccess: "Got it done.", improvement: "", department: "product", score: 6, outcome: "partial", evidence: ["e1"] };
const FAST = { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 20, timeoutMs: 400, concurrency: 4 };

/** The demo week's profile with a gatherer model and fast retries; `circuitFailures` from `services`. */
function withModel(demo: DemoWeek, circuitFailures: number): void {
  const file = demo.settings.config ?? "";
  const profile = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...profile, models: { gatherer: "gpt-4o-mini" }, gatherer: FAST, services: { circuitFailures, circuitCooldownMs: 60_000 } }));
}

/** The "session analysis failed" warnings on stderr: session id → reason. */
function failureLines(written: string[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const line of written.join("").split("\n")) {
    if (!line.includes("session analysis failed")) continue;
    const entry = JSON.parse(line) as { sessionId: string; reason: string };
    reasons.set(entry.sessionId, entry.reason);
  }
  return reasons;
}

describe("the gatherer's real model client against the fake OpenAI server with a fault plan", () => {
  let server: FakeOpenAIServer;
  let written: string[];
  beforeEach(async () => {
    server = new FakeOpenAIServer(() => ({ toolCalls: [{ name: REPORT_TOOL, args: REPORT }] }));
    vi.stubEnv("OPENAI_BASE_URL", await server.start());
    vi.stubEnv("OPENAI_API_KEY", "sk-fake");
    setLogFormat("json");
    written = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    setLogFormat("pretty");
    await server.stop();
  });

  it("at 20% faults every session gets its report, each once and valid", async () => {
    const demo = await seedDemoWeek({ sessions: 40, seed: 31 });
    withModel(demo, 8);
    server.faults = new FaultPlan({ share: 0.2, seed: 7, timeoutHangMs: 1_000 });
    const total = await withWarehouse(demo, (w) => w.countSessions(demo.week));
    const result = await buildGathererGraph().compile().invoke({ week: demo.week, analyst: "llm" }, { configurable: demo.configurable });
    expect(result.gatherSummary, JSON.stringify(failureLines(written).values().next().value)).toMatchObject({ scored: total, failed: 0 });
    const version = llmVersionFor(loadProfile(demo.settings.config).profile, {});
    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week, analystVersion: version }));
    expect(new Set(reports.map((r) => r.sessionId)).size).toBe(total);
    expect(reports).toHaveLength(total);
    for (const r of reports) SessionReport.parse(r);
    const seen = Object.fromEntries(server.faults.injected);
    expect(Object.keys(seen).length, JSON.stringify(seen)).toBeGreaterThanOrEqual(6);
    console.info(`gatherer model at 20% faults: ${server.faults.total} faults injected over ${server.requests.length} requests ${JSON.stringify(seen)}; ${total} sessions, ${reports.length} reports`);
  }, 120_000);

  it("a model that is down opens the circuit: the gatherer stops calling it, every session's failure is recorded with its reason, and the next run scores them all", async () => {
    const demo = await seedDemoWeek({ sessions: 30, seed: 32 });
    withModel(demo, 3);
    server.faults = new FaultPlan({ share: 0, seed: 1 });
    server.faults.down = true;
    const total = await withWarehouse(demo, (w) => w.countSessions(demo.week));
    const graph = buildGathererGraph().compile();
    const down = await graph.invoke({ week: demo.week, analyst: "llm" }, { configurable: demo.configurable });
    expect(down.gatherSummary).toMatchObject({ scored: 0, failed: total });
    expect(down.gatherSummary?.firstFailure).toMatch(/the gatherer model is failing|503/);
    // Three failures open it; at most the requests already in flight (concurrency 4) get through after that.
    expect(server.faults.total).toBeLessThanOrEqual(3 + FAST.concurrency);
    const reasons = failureLines(written);
    const version = llmVersionFor(loadProfile(demo.settings.config).profile, {});
    const pending = await withWarehouse(demo, (w) => w.sessionsWithoutReport({ analystVersion: version, week: demo.week }));
    expect(pending).toHaveLength(total);
    expect([...reasons.keys()].sort()).toEqual([...pending].sort()); // not one silently lost
    // Each failure is stored with its reason, the one logged, and the summary lists the first of them.
    const stored = await withWarehouse(demo, (w) => w.listFailures({ week: demo.week }));
    expect(stored.map((f) => [f.sessionId, f.analystVersion, f.reason, f.failures])).toEqual([...pending].sort().map((id) => [id, version, reasons.get(id), 1]));
    expect(stored.filter((f) => /not calling it again/.test(f.reason)).length).toBeGreaterThan(total - 3 - FAST.concurrency);
    expect(down.gatherSummary?.failures).toHaveLength(Math.min(total, FAILURES_LISTED));
    for (const f of down.gatherSummary?.failures ?? []) expect(f.reason).toBe(reasons.get(f.sessionId));

    server.faults.down = false;
    // A new process: the circuit of this one stays open for its cooldown, so the next run starts fresh.
    vi.resetModules();
    const { buildGathererGraph: fresh } = await import("./index.js");
    const up = await fresh().compile().invoke({ week: demo.week, analyst: "llm" }, { configurable: demo.configurable });
    expect(up.gatherSummary).toMatchObject({ scored: total, failed: 0 });
    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week, analystVersion: version }));
    expect(reports).toHaveLength(total);
    expect(up.gatherSummary?.failures).toEqual([]);
    expect(await withWarehouse(demo, (w) => w.listFailures())).toEqual([]); // each report cleared its session's failure
  }, 120_000);
});
