import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { seedDemoWeek, type DemoWeek } from "../testing/demoWeek.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { runCli } from "../testing/cli.js";

/** `selfheal triage` on a Linear profile, as a child process, against the schema-checking fake. */
describe("selfheal triage with tracker.kind linear", () => {
  let fake: FakeLinearServer;
  let demo: DemoWeek;
  let args: string[];
  beforeAll(async () => {
    fake = new FakeLinearServer("lin_api_cli");
    await fake.start();
    demo = await seedDemoWeek({ sessions: 600, seed: 51 });
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: fake.url } }));
    args = ["--db", demo.settings.db, "--config", demo.settings.config!];
    const gathered = await runCli([...args, "gather", "--json"]);
    expect(gathered.code).toBe(0);
  });
  afterAll(async () => fake.stop());

  it("says which variable is missing and exits 2 without a Linear key", async () => {
    const out = await runCli([...args, "triage", "--json", "--yes"], { env: { LINEAR_API_KEY: "" } });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("LINEAR_API_KEY");
    expect(fake.calls).toHaveLength(0);
  });

  it("files Linear issues with --yes and reports them in the triage contract, and files nothing twice", async () => {
    const out = await runCli([...args, "triage", "--json", "--yes"], { env: { LINEAR_API_KEY: "lin_api_cli" } });
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { patterns: { fingerprint: string; decision: string; ticket: { id: string; url: string } | null }[] };
    const ticketed = json.patterns.filter((p) => p.decision === "ticket");
    expect(ticketed.length).toBeGreaterThan(0);
    for (const p of ticketed) expect(p.ticket?.url).toMatch(/^https:\/\/linear\.app\/acme\/issue\/ENG-\d+$/);
    expect(fake.issues).toHaveLength(ticketed.length);
    const again = await runCli([...args, "triage", "--json", "--yes"], { env: { LINEAR_API_KEY: "lin_api_cli" } });
    expect(again.code).toBe(0);
    expect(fake.issues).toHaveLength(ticketed.length);
    expect(fake.rejected).toEqual([]);
  });
});
