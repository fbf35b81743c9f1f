import { describe, it, expect } from "vitest";
import Database from "better-sqlite3";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { runCli } from "../../testing/cli.js";
import { listRuns } from "../host/runs.js";

/** Reports stored so far, read beside the running process (WAL lets readers in); 0 before the schema exists. */
function reportCount(demo: DemoWeek): number {
  try {
    const db = new Database(demo.settings.db, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM session_reports`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Every stored report with its write time: a re-scored session would show a newer time. */
function reportStamps(demo: DemoWeek): Map<string, string> {
  const db = new Database(demo.settings.db, { readonly: true });
  try {
    const rows = db.prepare(`SELECT session_id, created_at FROM session_reports`).all() as { session_id: string; created_at: string }[];
    return new Map(rows.map((r) => [r.session_id, r.created_at]));
  } finally {
    db.close();
  }
}

function weekArgs(demo: DemoWeek): string[] {
  return ["--db", demo.settings.db, "--config", demo.settings.config!, "run", "--week", demo.week, "--yes", "--json"];
}

async function expectFinishedOnce(demo: DemoWeek, sessions: number): Promise<void> {
  const stamps = reportStamps(demo);
  expect(stamps.size).toBe(sessions);
  const { tickets, patterns } = await withWarehouse(demo, async (w) => ({ tickets: await w.listTickets(), patterns: await w.listPatterns(demo.week) }));
  const ticketed = patterns.filter((p) => p.decision === "ticket");
  expect(ticketed.length).toBeGreaterThan(4);
  expect(tickets).toHaveLength(ticketed.length);
  expect(new Set(tickets.map((t) => t.fingerprint)).size).toBe(tickets.length);
}

describe("the weekly run survives SIGKILL and resumes from its checkpoint", () => {
  it("killed between stages: the next run resumes after the finished stage and files each ticket once", { timeout: 240_000 }, async () => {
    const demo = await seedDemoWeek({ sessions: 2000, seed: 31 });
    const killed = await runCli(weekArgs(demo), { killOn: /stage gather done/ });
    expect(killed.signal).toBe("SIGKILL");
    const afterKill = reportStamps(demo);
    expect(afterKill.size).toBe(2000);
    // The killed process could not record its end: the table says running, the host knows better.
    expect((await withWarehouse(demo, (w) => w.listRuns())).map((r) => r.status)).toEqual(["running"]);
    const shown = await withWarehouse(demo, (w) => listRuns(w));
    expect(shown.map((r) => [r.kind, r.thread, r.status])).toEqual([["weekly", `weekly-${demo.week}`, "interrupted"]]);
    expect(shown[0]?.summary).toMatchObject({ threadId: `weekly-${demo.week}`, reason: expect.stringContaining("process ended before the run finished") });

    const resumed = await runCli(weekArgs(demo));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain("resuming weekly-");
    const runs = await withWarehouse(demo, (w) => w.listRuns());
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "interrupted"]);
    expect(resumed.stderr).not.toContain("stage gather done");
    const result = JSON.parse(resumed.stdout) as { status: string; digest: { path: string } | null };
    expect(result.status).toBe("done");
    expect(result.digest?.path).toMatch(/\.html$/);
    expect(reportStamps(demo)).toEqual(afterKill);
    await expectFinishedOnce(demo, 2000);

    // and a whole run again on the same week changes nothing
    const again = await runCli(weekArgs(demo));
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ gather: { scored: 0, skipped: 2000 }, triage: { gate: "nothing_to_file", filed: [] } });
    await expectFinishedOnce(demo, 2000);
  });

  it("killed in the middle of gathering: finished batches are kept, the rest are scored once", { timeout: 240_000 }, async () => {
    const sessions = 6000;
    const demo = await seedDemoWeek({ sessions, seed: 37 });
    // Killed as soon as the first batch's reports are committed, with the others still to come.
    const killed = await runCli(weekArgs(demo), { killWhen: () => reportCount(demo) > 0 });
    expect(killed.signal).toBe("SIGKILL");
    const beforeResume = reportStamps(demo);
    expect(beforeResume.size).toBeGreaterThan(0);
    expect(beforeResume.size).toBeLessThan(sessions);

    const resumed = await runCli(weekArgs(demo));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`the run of weekly-${demo.week} started at \\S+ was interrupted: its process ended before it finished`));
    expect((await withWarehouse(demo, (w) => w.listRuns())).map((r) => r.status)).toEqual(["succeeded", "interrupted"]);
    const after = reportStamps(demo);
    for (const [sessionId, stamp] of beforeResume) expect(after.get(sessionId)).toBe(stamp);
    await expectFinishedOnce(demo, sessions);
  });
});
