import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { withWarehouseAt } from "../../testing/warehouses.js";
import { runCli } from "../../testing/cli.js";
import { tempDir } from "../../testing/events.js";
import { ingestFile } from "../../connectors/ingest.js";
import { resolveSettings } from "../../runtime/settings.js";
import { git } from "../../tools/codebase/git.js";
import { acceptGates, leaveGates } from "./gates.js";
import { pendingGates } from "./pendingGates.js";
import { THREADS } from "./threads.js";
import { runGatherer } from "./direct.js";

/**
 * Two warehouses with the same week ingested and one profile, so one product repository: the second
 * in the first one's data folder, or in a folder of its own.
 */
async function twoWarehouses(sessions: number, seed: number, where: "same folder" | "own folder") {
  const demo = await seedDemoWeek({ sessions, seed });
  const folder = where === "same folder" ? demo.settings.dataDir : tempDir();
  const other = resolveSettings({ db: join(folder, "other.db"), config: demo.settings.config });
  expect(other.dataDir === demo.settings.dataDir).toBe(where === "same folder");
  await withWarehouseAt(other.db, (w) => ingestFile(w, join(demo.settings.dataDir, "events.jsonl")));
  return { demo, a: demo.settings, b: other };
}

describe("two warehouses", () => {
  it("in one data folder keep their own threads: a gate waiting on one is never resumed, or its tickets filed, by a run on the other", async () => {
    const { demo, a, b } = await twoWarehouses(400, 91, "same folder");
    await runGatherer(a, { week: demo.week, limit: null, concurrency: null });
    const waiting = await THREADS.triage.run(a, demo.week, { answer: leaveGates });
    expect(waiting.status).toBe("waiting");

    // b has no reports this week: its own triage refuses (gather first), and must not answer a's gate.
    await expect(THREADS.triage.run(b, demo.week, { answer: acceptGates() })).rejects.toThrow(/none has a session report/);
    expect(await withWarehouseAt(b.db, (w) => w.listTickets())).toEqual([]);
    expect((await pendingGates(b)).map((p) => p.threadId)).toEqual([]);
    expect((await pendingGates(a)).map((p) => p.threadId)).toEqual([THREADS.triage.threadId(demo.week)]);

    const answered = await THREADS.triage.run(a, demo.week, { answer: acceptGates() });
    expect(answered.status).toBe("done");
    const filed = await withWarehouse(demo, (w) => w.listTickets());
    expect(filed.length).toBeGreaterThan(0);
    expect(filed.map((t) => t.fingerprint).sort()).toEqual((answered.status === "done" ? answered.state.triageSummary?.filed ?? [] : []).map((f) => f.fingerprint).sort());
  });

  it.each(["own folder", "same folder"] as const)("against one product repository (%s): both weekly runs succeed, with their own ticket ids, branches and worktrees", async (where) => {
    const { demo, a, b } = await twoWarehouses(2000, 21, where);
    const results = [];
    for (const settings of [a, b]) {
      const run = await runCli(["--db", settings.db, "--config", settings.config!, "run", "--week", demo.week, "--yes", "--json"]);
      expect(run.code, run.stderr).toBe(0);
      results.push(JSON.parse(run.stdout) as { status: string; fix: { attempts: { ticket: string; branch: string; status: string }[] } });
    }
    const [first, second] = results.map((r) => r.fix.attempts);
    expect(first?.length).toBeGreaterThan(0);
    expect(second?.length).toBe(first?.length);
    expect(results.every((r) => r.status === "done" && r.fix.attempts.every((x) => x.status === "needs_model"))).toBe(true);
    const tickets = (settings: typeof a) => withWarehouseAt(settings.db, (w) => w.listTickets());
    const ids = [...(await tickets(a)), ...(await tickets(b))].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const branches = [...first!, ...second!].map((x) => x.branch);
    const worktrees = await Promise.all([a, b].map((s) => withWarehouseAt(s.db, async (w) => (await w.listFixAttempts()).map((x) => x.worktree))));
    expect(new Set(worktrees.flat()).size).toBe(branches.length);
    expect(new Set(branches).size).toBe(branches.length);
    const inRepo = (await git(join(demo.settings.dataDir, "demo-repo"), ["branch", "--list", "selfheal/*", "--format=%(refname:short)"])).trim().split("\n");
    expect(inRepo.sort()).toEqual([...branches].sort());
  });
});
