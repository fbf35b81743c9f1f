import { afterAll, describe, expect, it } from "vitest";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { runCli } from "../../testing/cli.js";
import { postgresSchemas } from "../../testing/postgres.js";

const schemas = postgresSchemas();
afterAll(() => schemas.drop());

interface GatherResult {
  scored: number;
  skipped: number;
  failed: number;
}

describe("many gather workers on one Postgres warehouse", () => {
  it("four `selfheal gather` processes at once share the week's sessions: every session scored exactly once", { timeout: 600_000 }, async () => {
    const sessions = 3000;
    const demo = await seedDemoWeek({ sessions, seed: 11, db: schemas.newUrl() });
    const args = ["--db", demo.settings.db, "--config", demo.settings.config!, "gather", "--analyst", "heuristic", "--week", demo.week, "--json"];
    const workers = await Promise.all([0, 1, 2, 3].map(() => runCli(args)));
    const results = workers.map((w) => {
      expect(w.code, w.stderr).toBe(0);
      return JSON.parse(w.stdout) as GatherResult;
    });
    // A session scored by two workers would count twice here: claims make the sum the week's sessions.
    expect(results.reduce((sum, r) => sum + r.scored, 0)).toBe(sessions);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(results.filter((r) => r.scored > 0).length).toBeGreaterThan(1); // they shared the work
    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week }));
    expect(new Set(reports.map((r) => r.sessionId)).size).toBe(sessions);
  });
});
