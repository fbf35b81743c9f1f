import { describe, it, expect, afterAll } from "vitest";
import { CrashWorld } from "../../testing/crashWorld.js";

describe("a weekly run killed while filing its approved tickets resumes from its checkpoint", () => {
  let world: CrashWorld;
  afterAll(() => world?.stop());

  it("the next run, without --yes, is not asked the answered gate again, re-runs no finished stage and files each ticket once", { timeout: 300_000 }, async () => {
    world = await CrashWorld.create({ sessions: 120, seed: 61, skynetTickets: 0 });
    expect((await world.ingest()).code).toBe(0);
    const runArgs = ["run", "--week", world.demo.week, "--json"];

    // SIGKILLed right after Linear created the first issue: the gate is answered, the others are still to file.
    const killed = await world.cli([...runArgs, "--yes"], () => world.linear.callsTo("issueCreate").length >= 1);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stderr).toContain("gate file_tickets: accepted by --yes");
    const filedBeforeKill = world.linear.issues.length;
    const asked = world.counts().models.gatherer;

    const resumed = await world.cli(runArgs);
    expect(resumed.code, resumed.stderr).toBe(0);
    // Started over, the run would score nothing new (reports are idempotent) but stop at the ticket gate again.
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: "done", triage: { gate: "accepted" } });
    expect(resumed.stderr).toContain(`resuming weekly-${world.demo.week} from its last checkpoint`);
    expect(resumed.stderr).not.toContain("gate file_tickets");
    expect(resumed.stderr).not.toContain("stage gather done");
    expect(world.counts().models.gatherer).toBe(asked);

    const patterns = (JSON.parse(resumed.stdout) as { triage: { ticketed: number } }).triage.ticketed;
    expect(filedBeforeKill).toBeLessThan(patterns);
    expect(world.linear.issues).toHaveLength(patterns);
    expect(new Set(world.linear.issues.map((i) => /selfheal-pattern:(\S+)/.exec(i.description)?.[1])).size).toBe(patterns);
  });
});
