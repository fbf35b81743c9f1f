import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FakeOpenAIServer, type FakeRequest, type FakeReply } from "../../testing/fakeOpenAI.js";
import { runCli } from "../../testing/cli.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { jsonLines } from "../../testing/events.js";
import { PLANTED_STRINGS, plantedSessions } from "../../testing/plantedSecrets.js";
import { ingestFile } from "../../connectors/ingest.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { buildGathererGraph } from "../../graphs/gatherer/index.js";

const CONCURRENCY = 4;
const PLANTED_SESSIONS = 6;

/** A valid report citing the first and last line ids of the transcript it was sent. */
function answer(req: FakeRequest): FakeReply {
  const user = [...(req.body.messages ?? [])].reverse().find((m) => m.role === "user" && String(m.content).includes("<transcript>"));
  const ids = [...String(user?.content ?? "").matchAll(/^(e\d+) /gm)].map((m) => m[1] ?? "");
  const evidence = [...new Set([ids[0], ids.at(-1)])].filter((id): id is string => Boolean(id));
  return {
    delayMs: 25,
    toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Use the product.", userSuccess: "Browsed and left.", improvement: "", department: "product", score: 6, outcome: "partial", evidence } }],
  };
}

/** A well-formed completion whose tool arguments are not JSON: the model's mistake, for the repair path. */
const BROKEN_ARGUMENTS = JSON.stringify({
  id: "chatcmpl-broken",
  object: "chat.completion",
  created: 0,
  model: "gpt-4o-mini",
  choices: [{ index: 0, finish_reason: "tool_calls", message: { role: "assistant", content: null, tool_calls: [{ id: "call_0", type: "function", function: { name: REPORT_TOOL, arguments: '{"userIntent": "Use' } }] } }],
  usage: { prompt_tokens: 100, completion_tokens: 5, total_tokens: 105 },
});

/** A fresh simulated week with a profile naming a gatherer model (and these gatherer settings). */
async function weekWithModel(opts: { sessions: number; seed: number; model: string; gatherer: Record<string, unknown> }): Promise<{ fresh: DemoWeek; config: string }> {
  const fresh = await seedDemoWeek({ sessions: opts.sessions, seed: opts.seed });
  const config = join(fresh.settings.dataDir, "llm.config.json");
  const profile = JSON.parse(readFileSync(fresh.settings.config ?? "", "utf8")) as Record<string, unknown>;
  writeFileSync(config, JSON.stringify({ ...profile, models: { gatherer: opts.model }, gatherer: opts.gatherer }));
  return { fresh, config };
}

describe("gather --analyst llm through @langchain/openai against a local OpenAI-compatible server", () => {
  let demo: DemoWeek;
  let server: FakeOpenAIServer;
  let env: NodeJS.ProcessEnv;
  let base: string[];
  let sessions: number;

  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 40, seed: 5 });
    const planted = join(demo.settings.dataDir, "planted.jsonl");
    writeFileSync(planted, jsonLines(plantedSessions(demo.week, PLANTED_SESSIONS)));
    sessions = await withWarehouse(demo, async (w) => {
      await ingestFile(w, planted);
      return w.countSessions(demo.week);
    });
    const profile = JSON.parse(readFileSync(demo.settings.config ?? "", "utf8")) as Record<string, unknown>;
    profile["models"] = { gatherer: "gpt-4o-mini" };
    profile["gatherer"] = { concurrency: CONCURRENCY, requestsPerMinute: 10_000, retryBaseMs: 5, retryMaxMs: 40, timeoutMs: 10_000 };
    const config = join(demo.settings.dataDir, "llm.config.json");
    writeFileSync(config, JSON.stringify(profile));
    server = new FakeOpenAIServer(answer);
    env = { OPENAI_BASE_URL: await server.start(), OPENAI_API_KEY: "test-key" };
    base = ["--db", demo.settings.db, "--config", config];
  });
  afterAll(async () => {
    await server.stop();
  });

  it("stores a report per session, retrying 429s, 5xx and malformed bodies and repairing malformed arguments", async () => {
    server.reply({ status: 429, retryAfterSeconds: 0 }, { status: 429 }, { status: 503 }, { raw: "{not json" }, { raw: BROKEN_ARGUMENTS });
    const run = await runCli([...base, "gather", "--analyst", "llm", "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    // Every request of a batch runs inside one graph node: none may leave a listener on the node's abort signal.
    expect(run.stderr).not.toContain("MaxListenersExceededWarning");
    const summary = JSON.parse(run.stdout) as { scored: number; skipped: number; failed: number; analyst: string; analystVersion: string };
    expect(summary).toMatchObject({ scored: sessions, skipped: 0, failed: 0, analyst: "llm" });
    expect(summary.analystVersion).toMatch(/^llm-[0-9a-f]{12}$/);
    // One request per session, four retried transient failures, one repair.
    expect(server.requests).toHaveLength(sessions + 4 + 1);
    expect(server.requests.every((r) => r.body.model === "gpt-4o-mini" && r.headers.authorization === "Bearer test-key")).toBe(true);
    // The concurrency limit was reached and never exceeded.
    expect(server.peakConcurrency).toBe(CONCURRENCY);

    const listed = await runCli([...base, "reports", "--json", "--analyst", "llm"], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(sessions);
    for (const key of ["sessionId", "userIntent", "userSuccess", "improvement", "department", "score", "analyst", "evidence"]) {
      expect(rows.every((r) => key in r)).toBe(true);
    }
    // Evidence holds the sessions' real event uuids; usage and cost are recorded (gpt-4o-mini has a known price).
    const sample = rows.slice(0, 10);
    await withWarehouse(demo, async (w) => {
      for (const row of sample) {
        const uuids = new Set((await w.sessionEvents(String(row["sessionId"]))).map((e) => e.uuid));
        expect((row["evidence"] as string[]).length).toBeGreaterThan(0);
        for (const id of row["evidence"] as string[]) expect(uuids.has(id)).toBe(true);
      }
    });
    for (const row of rows) expect(row["usage"]).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number), costUsd: expect.any(Number) });

    // Nothing planted left the machine, and nothing planted was stored.
    for (const request of server.requests) for (const secret of PLANTED_STRINGS) expect(request.rawBody).not.toContain(secret);
    expect(server.requests.some((r) => r.rawBody.includes("ImportError: Import failed: mail [email] or [email]; call [phone]"))).toBe(true);
    for (const secret of PLANTED_STRINGS) expect(listed.stdout).not.toContain(secret);

    // With rules' reports beside them, `reports` prefers the model's, unless asked for the rules'.
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: { ...demo.configurable, config: base[3] } });
    const preferred = JSON.parse((await runCli([...base, "reports", "--json"], { env })).stdout) as { analyst: string }[];
    expect(preferred).toHaveLength(sessions);
    expect(preferred.every((r) => r.analyst === "llm")).toBe(true);

    // Everything is scored: a second run asks the model nothing.
    const before = server.requests.length;
    const again = await runCli([...base, "gather", "--analyst", "llm", "--json"], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ scored: 0, skipped: sessions, failed: 0 });
    expect(server.requests.length).toBe(before);
  });

  it("counts a session whose answers stay invalid as failed and stores nothing for it", async () => {
    const invalid: FakeReply = { toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "x", score: 42 } }] };
    const failing = new FakeOpenAIServer((req) => (req.rawBody.includes("ImportError") ? invalid : answer(req)));
    const url = await failing.start();
    try {
      const { fresh, config } = await weekWithModel({ sessions: 12, seed: 9, model: "local-model", gatherer: { retryBaseMs: 1 } });
      const planted = join(fresh.settings.dataDir, "planted.jsonl");
      writeFileSync(planted, jsonLines(plantedSessions(fresh.week, 1)));
      await withWarehouse(fresh, (w) => ingestFile(w, planted));
      const run = await runCli(["--db", fresh.settings.db, "--config", config, "gather", "--analyst", "llm", "--json"], { env: { OPENAI_BASE_URL: url, OPENAI_API_KEY: "k" } });
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as { scored: number; failed: number; failures: { sessionId: string; reason: string }[] };
      const total = await withWarehouse(fresh, (w) => w.countSessions(fresh.week));
      expect(summary).toMatchObject({ scored: total - 1, failed: 1 });
      expect(summary.failures).toEqual([{ sessionId: expect.stringMatching(/^planted-session/), reason: expect.stringMatching(/^invalid report after one repair/) }]);
      // The reason is kept: `reports --failed` names the session and why, in both outputs.
      const failedArgs = ["--db", fresh.settings.db, "--config", config, "reports", "--failed"];
      const listed = JSON.parse((await runCli([...failedArgs, "--json"])).stdout) as { sessionId: string; reason: string; failures: number }[];
      expect(listed).toMatchObject([{ sessionId: summary.failures[0]?.sessionId, reason: summary.failures[0]?.reason, failures: 1 }]);
      expect((await runCli(failedArgs)).stdout).toMatch(/planted-session\S*\s+llm-\S+\s+failed 1x, last at \S+: invalid report after one repair[\s\S]*1 sessions without a report\./);
      const reports = await withWarehouse(fresh, (w) => w.listReports({ week: fresh.week }));
      expect(reports.some((r) => r.sessionId.startsWith("planted-session"))).toBe(false);
      // An unknown model has no built-in price: cost is recorded as unknown, tokens still counted.
      expect(reports[0]?.usage).toMatchObject({ inputTokens: 100, outputTokens: 20, requests: 1, costUsd: null });
    } finally {
      await failing.stop();
    }
  });

  it("keeps every report written before a crash, retries a timed-out request, and finishes on the next run", async () => {
    const server2 = new FakeOpenAIServer(answer);
    const url = await server2.start();
    try {
      const { fresh, config } = await weekWithModel({ sessions: 30, seed: 13, model: "gpt-4o-mini", gatherer: { retryBaseMs: 5, timeoutMs: 300 } });
      const args = ["--db", fresh.settings.db, "--config", config, "--log-format", "json", "gather", "--analyst", "llm", "--concurrency", "3", "--json"];
      const env2 = { OPENAI_BASE_URL: url, OPENAI_API_KEY: "k", SELFHEAL_LOG_LEVEL: "info" };
      // The first request hangs past the 300 ms timeout; the process is killed after 15 requests.
      server2.reply({ content: "too late", delayMs: 1500 });
      const crashed = await runCli(args, { env: env2, killWhen: () => server2.requests.length >= 15 });
      expect(crashed.signal).toBe("SIGKILL");
      expect(crashed.stderr).toMatch(/"err":"[^"]*(timed out|timeout)[^"]*","msg":"model request failed; retrying"/i);
      const total = await withWarehouse(fresh, (w) => w.countSessions(fresh.week));
      const kept = (await withWarehouse(fresh, (w) => w.listReports({ week: fresh.week }))).length;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(total);

      const resumed = await runCli(args, { env: env2 });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({ scored: total - kept, skipped: kept, failed: 0 });
      expect(await withWarehouse(fresh, (w) => w.listReports({ week: fresh.week }))).toHaveLength(total);
    } finally {
      await server2.stop();
    }
  });

  it("uses the configured model by default: `gather` without --analyst and the weekly `run`", async () => {
    const server3 = new FakeOpenAIServer(answer);
    const url = await server3.start();
    try {
      const { fresh, config } = await weekWithModel({ sessions: 16, seed: 17, model: "gpt-4o-mini", gatherer: { retryBaseMs: 5 } });
      const env3 = { OPENAI_BASE_URL: url, OPENAI_API_KEY: "k" };
      const base3 = ["--db", fresh.settings.db, "--config", config];
      const gathered = await runCli([...base3, "gather", "--limit", "6", "--json"], { env: env3 });
      expect(gathered.code, gathered.stderr).toBe(0);
      expect(JSON.parse(gathered.stdout)).toMatchObject({ scored: 6, analyst: "llm" });
      const run = await runCli([...base3, "run", "--week", fresh.week, "--yes", "--json"], { env: env3 });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ status: "done", gather: { analyst: "llm", scored: 10, skipped: 6 } });
      expect(server3.requests).toHaveLength(16);
      // without the model's address, the same profile falls back to the rules
      const rules = await runCli([...base3, "gather", "--json"]);
      expect(JSON.parse(rules.stdout)).toMatchObject({ analyst: "heuristic", scored: 16 });
    } finally {
      await server3.stop();
    }
  });

  it("exits 2 naming what to set when no gatherer model is configured", async () => {
    const run = await runCli(["--db", demo.settings.db, "--config", demo.settings.config ?? "", "gather", "--analyst", "llm"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/models.*gatherer/);
    const noUrl = await runCli([...base, "gather", "--analyst", "llm"], { env: { OPENAI_BASE_URL: "", OPENAI_API_KEY: "" } });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/OPENAI_API_KEY or OPENAI_BASE_URL/);
  });
});
