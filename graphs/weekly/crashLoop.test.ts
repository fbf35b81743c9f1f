import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { FakeLinearServer } from "../../testing/fakeLinear.js";
import { seededRandom } from "../../testing/faultPlan.js";
import { runCli, type CliResult } from "../../testing/cli.js";
import { listRuns } from "../host/runs.js";

const KEY = "lin_api_crash";
const SESSIONS = 400;
/** Kills spread over the weekly run (gather, triage while filing Linear issues, fix, review), and a few over the import. */
const RUN_KILLS = 20;
const INGEST_KILLS = 5;

interface World {
  demo: DemoWeek;
  linear: FakeLinearServer;
  args: string[];
}

async function world(): Promise<World> {
  const demo = await seedDemoWeek({ sessions: SESSIONS, seed: 61, ingest: false });
  const linear = new FakeLinearServer(KEY);
  await linear.start();
  const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
  writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: linear.url } }));
  return { demo, linear, args: ["--db", demo.settings.db, "--config", demo.settings.config!] };
}

const cli = (w: World, args: string[], opts: { killAfterMs?: number } = {}): Promise<CliResult> => {
  const started = Date.now();
  return runCli([...w.args, ...args], {
    env: { LINEAR_API_KEY: KEY },
    ...(opts.killAfterMs !== undefined ? { killWhen: () => Date.now() - started >= opts.killAfterMs! } : {}),
  });
};
const ingest = (w: World, killAfterMs?: number) => cli(w, ["ingest", join(w.demo.settings.dataDir, "events.jsonl"), "--json"], { killAfterMs });
const weekly = (w: World, killAfterMs?: number) => cli(w, ["run", "--week", w.demo.week, "--yes", "--json"], { killAfterMs });

/** Everything a week leaves behind that must not depend on how often it was killed: warehouse rows and Linear's issues. */
async function outcome(w: World) {
  const week = w.demo.week;
  return withWarehouse(w.demo, async (h) => ({
    events: await h.countEvents(),
    sessions: await h.countSessions(week),
    reports: (await h.listReports({ week })).map((r) => [r.sessionId, r.analystVersion, r.score, r.userIntent, r.department, r.evidence.join(",")].join("|")).sort(),
    patterns: (await h.listPatterns(week)).map((p) => [p.fingerprint, p.kind, p.sessions, p.decision, p.priority].join("|")).sort(),
    tickets: (await h.listTickets()).map((t) => [t.fingerprint, t.title, t.priority, t.status, t.sessions].join("|")).sort(),
    linearIssues: w.linear.issues.map((i) => [/selfheal-pattern:(\S+)/.exec(i.description)?.[1], i.title, i.priority, i.stateId].join("|")).sort(),
  }));
}

describe("a weekly run SIGKILLed again and again at random points ends as a run never killed", () => {
  let clean: World;
  let crashed: World;
  const cleanMs = { ingest: 0, run: 0 };
  beforeAll(async () => {
    [clean, crashed] = await Promise.all([world(), world()]);
    let t = Date.now();
    expect((await ingest(clean)).code).toBe(0);
    cleanMs.ingest = Date.now() - t;
    t = Date.now();
    const done = await weekly(clean);
    expect(done.code, done.stderr).toBe(0);
    cleanMs.run = Date.now() - t;
  }, 300_000);
  afterAll(async () => {
    await clean.linear.stop();
    await crashed.linear.stop();
  });

  it(`survives ${INGEST_KILLS} kills of the import and ${RUN_KILLS} of the weekly run, with nothing lost or doubled`, async () => {
    const random = seededRandom(2026);
    let killed = 0;
    for (let k = 0; k < INGEST_KILLS; k++) {
      const r = await ingest(crashed, Math.floor(random() * cleanMs.ingest));
      if (r.signal === "SIGKILL") killed++;
      else expect(r.code, r.stderr).toBe(0);
    }
    const imported = await ingest(crashed);
    expect(imported.code, imported.stderr).toBe(0);

    let resumedFromCheckpoint = 0;
    // A run that finished before its kill time is a whole run again (stages are idempotent); kill until RUN_KILLS landed.
    for (let k = 0, runKills = 0; runKills < RUN_KILLS && k < RUN_KILLS * 3; k++) {
      const r = await weekly(crashed, Math.floor(random() * cleanMs.run));
      if (r.signal === "SIGKILL") runKills++;
      if (r.signal === "SIGKILL") killed++;
      else expect(r.code, r.stderr).toBe(0);
      if (/resuming weekly-\S+ from its last checkpoint/.test(r.stderr)) resumedFromCheckpoint++;
    }
    const last = await weekly(crashed);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ status: "done" });

    expect(killed).toBeGreaterThanOrEqual(20);
    // kills landed mid-run, and the next run took up the thread from its checkpoint
    expect(resumedFromCheckpoint).toBeGreaterThan(3);
    const expected = await outcome(clean);
    expect(expected.tickets.length).toBeGreaterThan(2);
    expect(await outcome(crashed)).toEqual(expected);
    // every killed run is recorded as interrupted, none left "running", and the last one succeeded
    const runs = await withWarehouse(crashed.demo, (h) => listRuns(h, 500));
    expect(runs.filter((r) => r.status === "running")).toEqual([]);
    expect(runs[0]?.status).toBe("succeeded");
    expect(crashed.linear.rejected).toEqual([]);
  }, 900_000);
});
