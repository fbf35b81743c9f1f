import { describe, it, expect } from "vitest";
import { seedDemoWeek, withWarehouse } from "../testing/demoWeek.js";
import { gather, triageAccepted } from "../testing/verifyWeeks.js";
import { runCli } from "../testing/cli.js";
import { isoWeekOf } from "../runtime/week.js";

describe("verify after a ticket is marked done on a past week's warehouse", () => {
  it("names the week that sees today's fix, instead of saying no fix has shipped", async () => {
    const demo = await seedDemoWeek({ sessions: 300, seed: 43 });
    await gather(demo, demo.week);
    await triageAccepted(demo, demo.week);
    const [ticket] = await withWarehouse(demo, (w) => w.listTickets());
    expect(ticket).toBeDefined();
    const base = ["--db", demo.settings.db, "--config", demo.settings.config!];
    const thisWeek = isoWeekOf(new Date());

    const done = await runCli([...base, "ticket", ticket!.id, "--status", "done"]);
    expect(done.code, done.stderr).toBe(0);
    const hint = /`npx selfheal (.+)` checks its fix/.exec(done.stdout)?.[1];
    expect(hint, done.stdout).toContain(`verify --week ${thisWeek}`);

    // Plain verify checks the simulated (past) week, which ended before the fix shipped.
    const plain = await runCli([...base, "verify"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/No fix has shipped yet/);
    expect(plain.stdout).toContain(`verify --week ${thisWeek}`);

    const hinted = await runCli([...hint!.split(" "), "--json"]);
    expect(hinted.code, hinted.stderr).toBe(0);
    const fixes = (JSON.parse(hinted.stdout) as { fixes: { ticket: string }[] }).fixes;
    expect(fixes.map((f) => f.ticket)).toContain(ticket!.id);
  }, 180_000);
});
