/**
 * The command line's start (bench/cliStart.ts: --help, first line of reports, ingest peak RSS of a
 * ≈1M-event file), the review app's page latency (bench/servePages.ts), then the throughput of the loop's bulk stages on the simulator's sessions: ingest
 * (events/s) and gather (sessions/s), with peak RSS; the sandbox, then ingest of ≈1M events against a
 * raw load on SQLite (bench/ingest.ts) and on Postgres (bench/postgres.ts). Prints figures; asserts nothing (targets live
 * here, not in tests). Usage: npm run bench [-- <sessions>]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { openWarehouse } from "../warehouse/index.js";
import { ingestFile } from "../connectors/ingest.js";
import { buildGathererGraph } from "../graphs/gatherer/index.js";
import { weekRange } from "../runtime/week.js";
import { writeDemoProfile } from "../cli/demoRepo.js";
import { sandboxBench } from "./sandbox.js";
import { loadProfile } from "../state/loadProfile.js";
import { transcriptTokenBench } from "./transcriptTokens.js";
import { configurableFor } from "../graphs/host/configuration.js";
import { resolveSettings } from "../runtime/settings.js";
import { cliStartBench } from "./cliStart.js";
import { servePagesBench } from "./servePages.js";
import { postgresBench } from "./postgres.js";
import { ingestBench } from "./ingest.js";

const sessions = Number(process.argv[2] ?? 20_000);
const week = "2026-W47";
const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-"));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await fn();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(10)} ${seconds.toFixed(2)} s`);
  return { value, seconds };
}

try {
  await cliStartBench();
  await servePagesBench();
  const file = join(dir, "events.jsonl");
  const sim = await timed("simulate", () => writeSessionsJsonl(simulateWeek({ sessions, seed: 1, weekStart: weekRange(week).start }), file));
  console.log(`           ${sim.value.sessions} sessions, ${sim.value.events} events, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const warehouse = openWarehouse(join(dir, "warehouse.db"));
  const ingest = await timed("ingest", () => ingestFile(warehouse, file));
  console.log(`           ${Math.round(ingest.value.events / ingest.seconds)} events/s`);
  await transcriptTokenBench(warehouse, loadProfile(writeDemoProfile(dir)).profile, 1000);
  await warehouse.close();
  const configurable = configurableFor(resolveSettings({ db: join(dir, "warehouse.db"), config: writeDemoProfile(dir), dataDir: dir }));
  const gather = await timed("gather", () => buildGathererGraph().compile().invoke({ week }, { configurable, recursionLimit: 1000 }));
  console.log(`           ${Math.round((gather.value.gatherSummary?.scored ?? 0) / gather.seconds)} sessions/s`);
  console.log(`peak RSS   ${(peakRss / 1e6).toFixed(0)} MB`);
  await sandboxBench();
  await ingestBench();
  await postgresBench();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
