import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../testing/demoWeek.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { FaultPlan } from "../testing/faultPlan.js";
import { runCli } from "../testing/cli.js";
import { listRuns } from "../graphs/host/runs.js";

const KEY = "lin_api_down";

/** `selfheal run` while Linear is down: a failed run, said so, never a success. */
describe("a weekly run while Linear is down", () => {
  let fake: FakeLinearServer;
  let demo: DemoWeek;
  let args: string[];
  beforeAll(async () => {
    fake = new FakeLinearServer(KEY);
    await fake.start();
    demo = await seedDemoWeek({ sessions: 300, seed: 71 });
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    const services = { maxRetries: 4, retryBaseMs: 1, retryMaxMs: 10, circuitFailures: 3, circuitCooldownMs: 600_000 };
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: fake.url }, services }));
    args = ["--db", demo.settings.db, "--config", demo.settings.config!];
  }, 120_000);
  afterAll(async () => fake.stop());

  it("exits 1 naming Linear, records the run as failed, stops calling it, and files everything once it is back", async () => {
    fake.faults = new FaultPlan({ share: 0, seed: 1 });
    fake.faults.down = true;
    const down = await runCli([...args, "run", "--week", demo.week, "--yes", "--json"], { env: { LINEAR_API_KEY: KEY } });
    expect(down.code, down.stderr).toBe(1);
    expect(down.stderr).toMatch(/error: Linear is failing \(3 failed requests in a row, last: .*503/);
    expect(down.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(down.stdout).not.toMatch(/"status":\s*"done"/);
    expect(fake.faults.total).toBe(3); // the circuit opened; nothing more was sent
    const runs = await withWarehouse(demo, (w) => listRuns(w));
    expect(runs[0]).toMatchObject({ kind: "weekly", status: "failed", summary: { error: expect.stringContaining("Linear is failing") } });
    expect(fake.issues).toEqual([]);

    fake.faults.down = false;
    const back = await runCli([...args, "run", "--week", demo.week, "--yes", "--json"], { env: { LINEAR_API_KEY: KEY } });
    expect(back.code, back.stderr).toBe(0);
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets.length).toBeGreaterThan(0);
    expect(fake.issues).toHaveLength(tickets.length);
  }, 240_000);

  it("never prints a key Linear echoes back in its error", async () => {
    fake.faults = null;
    const wrong = "lin_api_WRONGkeyEchoedBack0123456789";
    const out = await runCli([...args, "triage", "--json", "--yes"], { env: { LINEAR_API_KEY: wrong } });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("bad Authorization header: [LINEAR_API_KEY]");
    expect(out.stderr + out.stdout).not.toContain(wrong);
  }, 120_000);
});
