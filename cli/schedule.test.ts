import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { seedDemoWeek, withWarehouse } from "../testing/demoWeek.js";

/** The demo profile with a schedule section of our own. */
function withSchedule(profilePath: string, schedule: Record<string, string>): string {
  const profile = JSON.parse(readFileSync(profilePath, "utf8")) as Record<string, unknown>;
  const file = join(profilePath, "..", "scheduled.config.json");
  writeFileSync(file, JSON.stringify({ ...profile, schedule }));
  return file;
}

describe("selfheal schedule", () => {
  it("lists upcoming runs from the profile's cron expressions", async () => {
    const demo = await seedDemoWeek({ sessions: 100, seed: 71 });
    const config = withSchedule(demo.settings.config!, { gather: "*/30 * * * *", digest: "0 8 * * 1" });
    const out = await runCli(["--db", demo.settings.db, "--config", config, "schedule", "--dry-run", "--from", "2026-11-29T23:10:00Z", "--count", "4", "--json"]);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      timezone: "UTC",
      upcoming: [
        { job: "gather", at: "2026-11-29T23:30:00.000Z" },
        { job: "gather", at: "2026-11-30T00:00:00.000Z" },
        { job: "gather", at: "2026-11-30T00:30:00.000Z" },
        { job: "gather", at: "2026-11-30T01:00:00.000Z" },
      ],
    });
  });

  it("refuses a bad cron expression, naming its key", async () => {
    const demo = await seedDemoWeek({ sessions: 100, seed: 72 });
    const config = withSchedule(demo.settings.config!, { triage: "every friday" });
    const out = await runCli(["--db", demo.settings.db, "--config", config, "schedule", "--dry-run"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('key "schedule.triage"');
  });

  it("runs the gather stage when it is due", async () => {
    const demo = await seedDemoWeek({ sessions: 200, seed: 73 });
    // every second, so the first run comes at once; the process is stopped after it
    const config = withSchedule(demo.settings.config!, { gather: "* * * * * *" });
    const run = await runCli(["--db", demo.settings.db, "--config", config, "schedule"], { killOn: /gather: done/ });
    expect(run.stderr).toMatch(/gather: done/);
    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week }));
    expect(reports).toHaveLength(200);
  });
});
