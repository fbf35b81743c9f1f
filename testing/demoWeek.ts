import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Warehouse } from "../warehouse/index.js";
import { withWarehouseAt } from "./warehouses.js";
import { ingestFile } from "../connectors/ingest.js";
import { simulateWeek, writeSessionsJsonl, type ScenarioName } from "../demo/simulator/index.js";
import { ensureDemoRepo, writeDemoProfile } from "../cli/demoRepo.js";
import { resolveSettings, type RunSettings } from "../runtime/settings.js";
import { weekRange } from "../runtime/week.js";
import { configurableFor, type Configurable } from "../graphs/host/configuration.js";
import { loadProfile } from "../state/loadProfile.js";

export const DEMO_WEEK = "2026-W47";

export interface DemoWeek {
  settings: RunSettings;
  week: string;
  /** Ground truth: the simulator's scenario of every session. */
  scenarios: Map<string, ScenarioName>;
  /** Run config for graphs invoked directly. */
  configurable: Configurable;
}

/**
 * A temp data folder with the demo repository, its profile and a simulated week in a warehouse file
 * there (or at `db`, a Postgres warehouse URL), ingested unless `ingest` is false (then left in `events.jsonl`).
 */
export async function seedDemoWeek(opts: { sessions: number; seed?: number; week?: string; db?: string; ingest?: boolean }): Promise<DemoWeek> {
  const dataDir = mkdtempSync(join(tmpdir(), "selfheal-test-"));
  const week = opts.week ?? DEMO_WEEK;
  await ensureDemoRepo(dataDir);
  const settings = resolveSettings({ db: opts.db ?? join(dataDir, "warehouse.db"), config: writeDemoProfile(dataDir), dataDir });
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
  if (opts.ingest !== false) await withWarehouseAt(settings.db, (w) => ingestFile(w, file));
  return { settings, week, scenarios, configurable: configurableFor(settings) };
}

/** Runs `fn` with the demo week's warehouse open. */
export function withWarehouse<T>(demo: DemoWeek, fn: (w: Warehouse) => Promise<T>): Promise<T> {
  return withWarehouseAt(demo.settings.db, fn);
}

/**
 * Ids of the sessions among `ids` that got past their errors: a success event after their last
 * exception, read off the stored events (not a report), for tests that tell them from blocked sessions.
 */
export async function sessionsPastTheirErrors(demo: DemoWeek, ids: string[]): Promise<Set<string>> {
  const success = new Set(loadProfile(demo.settings.config).profile.successEvents);
  const signals = await withWarehouse(demo, (w) => w.sessionSignals(ids));
  return new Set(
    signals
      .filter((s) => {
        const lastError = s.exceptions.at(-1)?.at ?? "";
        return s.customEvents.some((e) => success.has(e.name) && e.at > lastError);
      })
      .map((s) => s.sessionId),
  );
}
