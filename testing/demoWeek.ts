import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWarehouse } from "../warehouse/index.js";
import { ingestFile } from "../connectors/ingest.js";
import { simulateWeek, writeSessionsJsonl, type ScenarioName } from "../demo/simulator/index.js";
import { ensureDemoRepo, writeDemoProfile } from "../cli/demoRepo.js";
import { resolveSettings, type RunSettings } from "../runtime/settings.js";
import { weekRange } from "../runtime/week.js";

export const DEMO_WEEK = "2026-W47";

export interface DemoWeek {
  settings: RunSettings;
  week: string;
  /** Ground truth: the simulator's scenario of every session. */
  scenarios: Map<string, ScenarioName>;
  /** Run config for graphs invoked directly. */
  configurable: { db: string; config: string | null; dataDir: string };
}

/** A temp data folder with the demo repository, its profile and a simulated, ingested week. */
export async function seedDemoWeek(opts: { sessions: number; seed?: number; week?: string }): Promise<DemoWeek> {
  const dataDir = mkdtempSync(join(tmpdir(), "selfheal-test-"));
  const week = opts.week ?? DEMO_WEEK;
  await ensureDemoRepo(dataDir);
  const settings = resolveSettings({ db: join(dataDir, "warehouse.db"), config: writeDemoProfile(dataDir), dataDir });
  const scenarios = new Map<string, ScenarioName>();
  const sessions = simulateWeek({ sessions: opts.sessions, seed: opts.seed ?? 7, weekStart: weekRange(week).start });
  const file = join(dataDir, "events.jsonl");
  await writeSessionsJsonl(
    (function* () {
      for (const s of sessions) {
        scenarios.set(s.sessionId, s.scenario);
        yield s;
      }
    })(),
    file,
  );
  const warehouse = openWarehouse(settings.db);
  try {
    await ingestFile(warehouse, file);
  } finally {
    await warehouse.close();
  }
  return { settings, week, scenarios, configurable: { db: settings.db, config: settings.config, dataDir: settings.dataDir } };
}

/** Runs `fn` with the demo week's warehouse open. */
export async function withWarehouse<T>(demo: DemoWeek, fn: (w: ReturnType<typeof openWarehouse>) => Promise<T>): Promise<T> {
  const warehouse = openWarehouse(demo.settings.db);
  try {
    return await fn(warehouse);
  } finally {
    await warehouse.close();
  }
}
