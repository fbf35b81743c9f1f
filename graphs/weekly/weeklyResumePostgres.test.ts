import { afterAll, describe, expect, it } from "vitest";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { runCli } from "../../testing/cli.js";
import { postgresSchemas } from "../../testing/postgres.js";

const schemas = postgresSchemas();
afterAll(() => schemas.drop());

function weekArgs(demo: DemoWeek, ...flags: string[]): string[] {
  return ["--db", demo.settings.db, "--config", demo.settings.config!, "run", "--week", demo.week, "--json", ...flags];
}

/** Every session has one report, and every pattern decided "ticket" has exactly one ticket. */
async function expectComplete(demo: DemoWeek, sessions: number): Promise<void> {
  const { reports, tickets, patterns } = await withWarehouse(demo, async (w) => ({
    reports: await w.listReports({ week: demo.week }),
    tickets: await w.listTickets(),
    patterns: await w.listPatterns(demo.week),
  }));
  expect(new Set(reports.map((r) => r.sessionId)).size).toBe(sessions);
  const ticketed = patterns.filter((p) => p.decision === "ticket");
  expect(ticketed.length).toBeGreaterThan(4);
  expect(tickets.map((t) => t.fingerprint).sort()).toEqual(ticketed.map((p) => p.fingerprint).sort());
}

describe("a weekly run on Postgres resumes in another process (the Postgres checkpointer)", () => {
  it("SIGKILLed mid-run, past triage: a second process resumes it from its checkpoint in the warehouse's schema and finishes it, each ticket filed once", { timeout: 300_000 }, async () => {
    const demo = await seedDemoWeek({ sessions: 1500, seed: 31, db: schemas.newUrl() });
    const killed = await runCli(weekArgs(demo, "--yes"), { killOn: /stage triage done/ });
    expect(killed.signal).toBe("SIGKILL");
    expect(await withWarehouse(demo, (w) => w.listReports({ week: demo.week }))).toHaveLength(1500);

    const resumed = await runCli(weekArgs(demo, "--yes"));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`the run of weekly-${demo.week} started at`);
    expect(resumed.stderr).toContain("was interrupted");
    expect(resumed.stderr).not.toContain("stage gather done"); // resumed from the checkpoint: gathering is not redone
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: "done" });
    expect((await withWarehouse(demo, (w) => w.listRuns())).map((r) => r.status)).toEqual(["succeeded", "interrupted"]);
    await expectComplete(demo, 1500);
  });

  it("stopped at the ticket gate: another process answers the gate and files the tickets, once", { timeout: 300_000 }, async () => {
    const demo = await seedDemoWeek({ sessions: 800, seed: 5, db: schemas.newUrl() });
    const waiting = await runCli(weekArgs(demo));
    expect(waiting.code, waiting.stderr).toBe(0);
    expect(JSON.parse(waiting.stdout)).toMatchObject({ status: "waiting" });
    expect(await withWarehouse(demo, (w) => w.listTickets())).toEqual([]);

    const resumed = await runCli(weekArgs(demo, "--yes"));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: "done" });
    await expectComplete(demo, 800);
  });
});
