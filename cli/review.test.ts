import { describe, it, expect } from "vitest";
import { runCli } from "../testing/cli.js";
import { seedDemoWeek, withWarehouse } from "../testing/demoWeek.js";

interface Pending {
  pending: { threadId: string; gate: { action_request: { action: string; args: { tickets: { fingerprint: string; title: string }[] } } } }[];
}

describe("selfheal review", () => {
  it("lists the gate a weekly run stopped at, answers it with an edit, and then has nothing left", async () => {
    const demo = await seedDemoWeek({ sessions: 400, seed: 61 });
    const base = ["--db", demo.settings.db, "--config", demo.settings.config!];
    const run = await runCli([...base, "run", "--week", demo.week]);
    expect(run.code, run.stderr).toBe(0);

    const listed = await runCli([...base, "review", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const { pending } = JSON.parse(listed.stdout) as Pending;
    expect(pending.map((p) => p.threadId)).toEqual([`weekly-${demo.week}`]);
    const [first] = pending[0]!.gate.action_request.args.tickets;

    const refused = await runCli([...base, "review", "--respond", "do it differently"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('does not allow "response"');

    const edit = JSON.stringify({ tickets: [{ fingerprint: first!.fingerprint, title: "Chosen at review" }] });
    const answered = await runCli([...base, "review", "--thread", `weekly-${demo.week}`, "--edit", edit, "--json"]);
    expect(answered.code, answered.stderr).toBe(0);
    expect(JSON.parse(answered.stdout)).toEqual({ answered: [{ threadId: `weekly-${demo.week}`, answer: "edit", status: "done" }] });
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets.map((t) => t.title)).toEqual(["Chosen at review"]);

    const after = await runCli([...base, "review", "--json"]);
    expect((JSON.parse(after.stdout) as Pending).pending).toEqual([]);
  });
});
