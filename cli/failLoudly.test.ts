/**
 * Failures a user must see, each with its exit code and message, and with nothing created or lost.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../testing/demoWeek.js";
import { jsonLines, posthogRecord, tempDir, writeFile } from "../testing/events.js";
import { FakeOpenAIServer } from "../testing/fakeOpenAI.js";
import { freePort } from "../testing/freePort.js";

/** A small week (more sessions than Node's 10-listener warning) whose profile names a gatherer model, retried once, fast. */
async function weekWithModel(): Promise<{ week: DemoWeek; args: string[] }> {
  const week = await seedDemoWeek({ sessions: 16, seed: 29 });
  const config = join(week.settings.dataDir, "llm.config.json");
  const profile = JSON.parse(readFileSync(week.settings.config!, "utf8")) as Record<string, unknown>;
  writeFileSync(config, JSON.stringify({ ...profile, models: { gatherer: "gpt-4o-mini" }, gatherer: { maxRetries: 1, retryBaseMs: 1, retryMaxMs: 5, timeoutMs: 5000, requestsPerMinute: 100_000 } }));
  return { week, args: ["--db", week.settings.db, "--config", config, "gather", "--analyst", "llm"] };
}

describe("failing loudly", () => {
  let demo: DemoWeek;
  let base: string[];
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 1500, seed: 13 });
    base = ["--db", demo.settings.db, "--config", demo.settings.config!];
    const gather = await runCli([...base, "gather"]);
    expect(gather.code, gather.stderr).toBe(0);
  });

  it("`selfheal reports | head -1` ends quietly when the reader goes away", async () => {
    const head = await runCli([...base, "reports"], { headLines: 1 });
    expect(head.stdout.split("\n")).toHaveLength(1);
    expect(head.stderr).toBe("");
    expect(head.code).toBe(0);
  });

  it("a first import that fails leaves no empty warehouse behind: exit 2, and the file is not there for the next command to read", async () => {
    const dir = tempDir();
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"event": "x"\nnot json\n');
    const db = join(dir, "warehouse.db");
    const failed = await runCli(["--db", db, "ingest", bad]);
    expect(failed.code, failed.stderr).toBe(2);
    expect(failed.stderr).toMatch(/bad\.jsonl:1/);
    expect(existsSync(db)).toBe(false);
    // A warehouse that held data keeps it: the failed import changes nothing there.
    const before = await withWarehouse(demo, (w) => w.countEvents());
    expect((await runCli([...base, "ingest", bad])).code).toBe(2);
    expect(await withWarehouse(demo, (w) => w.countEvents())).toBe(before);
  }, 120_000);

  it("a command that reads never creates a warehouse at a mistyped --db: exit 2, and the folder stays absent", async () => {
    const typo = join(tempDir(), "typo", "warehuose.db");
    for (const args of [["reports"], ["gather"], ["triage"], ["fix"], ["digest"], ["run"], ["review"], ["digest", "--format", "md"]]) {
      const r = await runCli(["--db", typo, "--config", demo.settings.config!, ...args]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`${typo}: no warehouse here: check --db`);
      expect(existsSync(join(typo, "..")), args.join(" ")).toBe(false);
    }
    const size = statSync(demo.settings.db).size;
    const reports = await runCli([...base, "reports", "--json"]);
    expect(reports.code).toBe(0);
    expect(statSync(demo.settings.db).size).toBe(size);
  });

  it("gather whose every model request failed exits 1 with the reason, and stores no report", async () => {
    const server = new FakeOpenAIServer(() => ({ status: 400, body: JSON.stringify({ error: { message: "model gpt-4o-mini does not exist", type: "invalid_request_error" } }) }));
    try {
      const { week, args } = await weekWithModel();
      const run = await runCli([...args, "--json"], { env: { OPENAI_BASE_URL: await server.start(), OPENAI_API_KEY: "k" } });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/gather failed: all \d+ sessions failed with the llm analyst and none was scored; the first failure: model request failed: .*does not exist/);
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toContain("MaxListenersExceededWarning");
      expect(await withWarehouse(week, (w) => w.listReports({}))).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it("gather with the model server down exits 1 saying the connection failed", async () => {
    const { week, args } = await weekWithModel();
    const run = await runCli(args, { env: { OPENAI_BASE_URL: `http://127.0.0.1:${await freePort()}/v1`, OPENAI_API_KEY: "k" } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/gather failed: all \d+ sessions failed .*the first failure: model request failed: .*(connect|Connection)/i);
    expect(await withWarehouse(week, (w) => w.listReports({}))).toEqual([]);
    // Log lines are readable text unless --log-format json asks for JSON lines.
    expect(run.stderr).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: session analysis failed /m);
    expect(run.stderr).not.toContain('"level":');
    const json = await runCli(["--log-format", "json", ...args], { env: { OPENAI_BASE_URL: `http://127.0.0.1:${await freePort()}/v1`, OPENAI_API_KEY: "k" } });
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/^\{"level":40,.*"msg":"session analysis failed"\}$/m);
  });

  it("triage on a week with sessions but no reports says to run gather first: exit 1, no pattern or ticket", async () => {
    const fresh = await seedDemoWeek({ sessions: 30, seed: 31 });
    const triage = await runCli(["--db", fresh.settings.db, "--config", fresh.settings.config!, "triage", "--week", fresh.week, "--yes"]);
    expect(triage.code, triage.stderr).toBe(1);
    expect(triage.stderr).toContain(`error: ${fresh.week} has 30 sessions but none has a session report: run \`selfheal gather --week ${fresh.week}\` first`);
    expect(await withWarehouse(fresh, (w) => w.listPatterns(fresh.week))).toEqual([]);
    expect(await withWarehouse(fresh, (w) => w.listTickets())).toEqual([]);
  });

  it("the default week is the latest week with a real share of the sessions, not one holding three stray events", async () => {
    const fresh = await seedDemoWeek({ sessions: 100, seed: 37 });
    const strays = ["a", "b", "c"].map((s, i) => posthogRecord(`00000000-0000-4000-8000-00000000000${i}`, { session: `stray-${s}`, at: "2026-11-25T10:00:00.000Z" }));
    const file = writeFile(fresh.settings.dataDir, "strays.jsonl", jsonLines(strays));
    const base = ["--db", fresh.settings.db, "--config", fresh.settings.config!];
    expect((await runCli([...base, "ingest", file])).code).toBe(0);
    expect(await withWarehouse(fresh, (w) => w.sessionsPerWeek())).toEqual([{ week: fresh.week, sessions: 100 }, { week: "2026-W48", sessions: 3 }]);
    const digest = await runCli([...base, "digest", "--json"]);
    expect(digest.code, digest.stderr).toBe(0);
    expect((JSON.parse(digest.stdout) as { summary: { week: string } }).summary.week).toBe(fresh.week);
  });
});
