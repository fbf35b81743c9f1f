import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { seedDemoWeek, withWarehouse } from "../testing/demoWeek.js";
import { gather, triageAccepted } from "../testing/verifyWeeks.js";
import { runCli } from "../testing/cli.js";
import { isoWeekOf } from "../runtime/week.js";

describe("selfheal ticket", () => {
  it("marks a built-in tracker's ticket done, which is how a team without Linear or a model tells verify a fix shipped", async () => {
    // This week's sessions: the fix ships today, so a check up to this week's end reads it.
    const demo = await seedDemoWeek({ sessions: 600, seed: 43, week: isoWeekOf(new Date()) });
    await gather(demo, demo.week);
    await triageAccepted(demo, demo.week);
    const [ticket] = await withWarehouse(demo, (w) => w.listTickets());
    expect(ticket).toBeDefined();
    const base = ["--db", demo.settings.db, "--config", demo.settings.config!];

    const shown = await runCli([...base, "ticket", ticket!.id, "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: ticket!.id, status: ticket!.status });

    const done = await runCli([...base, "ticket", ticket!.id, "--status", "done", "--json"]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ id: ticket!.id, status: "done" });
    expect((await withWarehouse(demo, (w) => w.ticket(ticket!.id)))?.status).toBe("done");
    const verify = await runCli([...base, "verify", "--week", demo.week, "--json"]);
    expect(verify.code, verify.stderr).toBe(0);
    const fixes = (JSON.parse(verify.stdout) as { fixes: { ticket: string; shippedBy: string }[] }).fixes;
    expect(fixes).toContainEqual(expect.objectContaining({ ticket: ticket!.id, shippedBy: "tracker_done" }));

    // Bad input says what is wrong, exit 2, and changes nothing.
    const unknown = await runCli([...base, "ticket", "SH-999", "--status", "done"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no ticket SH-999/);
    const status = await runCli([...base, "ticket", ticket!.id, "--status", "shipped"]);
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/--status must be one of/);
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG" } }));
    const linear = await runCli([...base, "ticket", ticket!.id, "--status", "open"]);
    expect(linear.code).toBe(2);
    expect(linear.stderr).toMatch(/change its state in Linear/);
    expect((await withWarehouse(demo, (w) => w.ticket(ticket!.id)))?.status).toBe("done");
  }, 180_000);
});
