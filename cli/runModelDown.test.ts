import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { seedDemoWeek } from "../testing/demoWeek.js";
import { freePort } from "../testing/freePort.js";

describe("the weekly run when the gatherer's model server is down", () => {
  it("exits 1 with gather's stored failure, not advice to run the gather it just ran", async () => {
    const week = await seedDemoWeek({ sessions: 16, seed: 29 });
    const config = join(week.settings.dataDir, "llm.config.json");
    const profile = JSON.parse(readFileSync(week.settings.config!, "utf8")) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify({ ...profile, models: { gatherer: "gpt-4o-mini" }, gatherer: { maxRetries: 0, timeoutMs: 5000 } }));
    const env = { OPENAI_BASE_URL: `http://127.0.0.1:${await freePort()}/v1`, OPENAI_API_KEY: "k" };
    const run = await runCli(["--db", week.settings.db, "--config", config, "run", "--week", week.week, "--yes"], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/none has a session report: gather could not score 16 of them \(the latest failure: model request failed: .*(connect|Connection|fetch failed)/i);
    expect(run.stderr).toContain("`selfheal reports --failed` lists them");
  }, 180_000);
});
