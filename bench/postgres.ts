/**
 * The Postgres engine at scale, each figure beside its baseline measured in the same run:
 * - `selfheal ingest` of a simulated PostHog export as a whole process, against a raw load of the same
 *   lines (JSON parsed to CSV, then one server-side COPY into a bare table: no dedup, no sessions);
 * - heuristic `selfheal gather` of the week with 1, 2 and 4 worker processes, against 1 worker.
 * Prints figures; asserts nothing. Needs the server of SELFHEAL_BENCH_POSTGRES (default the test
 * server, postgres://postgres@127.0.0.1:5432/test); every schema it makes is dropped after.
 * Usage: npm run bench:postgres [-- <sessions>]
 */
import { createWriteStream, chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { writeDemoProfile } from "../cli/demoRepo.js";
import { buildCli } from "../testing/buildCli.js";
import { measuredSelfheal, mb } from "./measuredProcess.js";
import { rawRows } from "./rawLoad.js";

const SERVER = process.env["SELFHEAL_BENCH_POSTGRES"] || "postgres://postgres@127.0.0.1:5432/test";
const WEEK = "2026-W47";

function warehouseUrl(schema: string): string {
  const url = new URL(SERVER);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** Runs the built CLI as a process of its own: its JSON result, wall seconds and peak RSS. */
const selfheal = (args: string[]) => measuredSelfheal(args);

/** The baseline: each line's columns to CSV, then one COPY of the file by the server. */
async function rawCopy(client: pg.Client, file: string, dir: string, schema: string): Promise<{ events: number; seconds: number }> {
  const start = performance.now();
  const csv = join(dir, "events.csv");
  const out = createWriteStream(csv);
  const quote = (v: string | null): string => (v === null ? "" : `"${v.replaceAll('"', '""')}"`);
  let events = 0;
  for await (const r of rawRows(file)) {
    const row = [r.uuid, r.event, r.distinctId, r.timestamp, r.sessionId, r.properties].map(quote).join(",");
    if (!out.write(`${row}\n`)) await once(out, "drain");
    events++;
  }
  out.end();
  await once(out, "finish");
  chmodSync(dir, 0o755); // the server process reads the file
  chmodSync(csv, 0o644);
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`CREATE TABLE "${schema}".raw_events (uuid text, event text, distinct_id text, timestamp text, session_id text, properties text)`);
  await client.query(`COPY "${schema}".raw_events FROM '${csv}' WITH (FORMAT csv)`);
  return { events, seconds: (performance.now() - start) / 1000 };
}

/**
 * Heuristic gather of the week by `workers` processes at once, from no reports. A figure counts only if
 * every session was scored exactly once: the workers' scored counts add up to the week's sessions, none
 * failed, and each session has its one report.
 */
async function gatherWith(workers: number, db: string, config: string, client: pg.Client, schema: string): Promise<{ scored: number; seconds: number; storingSeconds: number }> {
  await client.query(`DELETE FROM "${schema}".session_reports`);
  const start = performance.now();
  const runs = await Promise.all(Array.from({ length: workers }, () => selfheal(["--db", db, "--config", config, "gather", "--analyst", "heuristic", "--week", WEEK])));
  const seconds = (performance.now() - start) / 1000;
  const total = (key: string): number => runs.reduce((sum, r) => sum + Number(r.result[key] ?? 0), 0);
  const { rows } = await client.query<{ sessions: number; reported: number; first: string; last: string }>(
    `SELECT (SELECT count(*)::int FROM "${schema}".sessions WHERE week = $1) AS sessions, count(DISTINCT r.session_id)::int AS reported,
            min(r.created_at) AS first, max(r.created_at) AS last
     FROM "${schema}".session_reports r JOIN "${schema}".sessions s ON s.id = r.session_id WHERE s.week = $1`,
    [WEEK],
  );
  const { sessions = 0, reported = 0, first = "", last = "" } = rows[0] ?? {};
  if (total("scored") !== sessions || reported !== sessions || total("failed") !== 0) {
    throw new Error(`gather with ${workers} workers: ${total("scored")} scored, ${total("failed")} failed, ${reported} sessions reported, of ${sessions}: not every session exactly once`);
  }
  return { scored: total("scored"), seconds, storingSeconds: (Date.parse(last) - Date.parse(first)) / 1000 };
}

export async function postgresBench(sessions = 10_000): Promise<void> {
  buildCli();
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    console.log(`postgres   skipped: ${SERVER} is not reachable (${(err as Error).message})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-pg-"));
  const stamp = Date.now().toString(36);
  const schemas = { warehouse: `bench_${stamp}`, raw: `bench_raw_${stamp}` };
  try {
    const file = join(dir, "events.jsonl");
    const sim = await writeSessionsJsonl(simulateWeek({ sessions, seed: 1, weekStart: weekRange(WEEK).start }), file);
    console.log(`postgres   ${sim.sessions} sessions, ${sim.events} events, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const db = warehouseUrl(schemas.warehouse);
    const ingest = await selfheal(["--db", db, "ingest", file]);
    const raw = await rawCopy(client, file, dir, schemas.raw);
    const ingestRate = Number(ingest.result["events"]) / ingest.seconds;
    const rawRate = raw.events / raw.seconds;
    console.log(`  ingest   selfheal ${Math.round(ingestRate)} events/s (${ingest.seconds.toFixed(1)} s, the whole process, peak RSS ${mb(ingest.peakRssMb)}), raw COPY ${Math.round(rawRate)} events/s, ratio ${(ingestRate / rawRate).toFixed(2)}`);
    const config = writeDemoProfile(dir);
    console.log(`  gather   heuristic, each session scored exactly once (checked), on ${availableParallelism()} cores`);
    const one = await gatherWith(1, db, config, client, schemas.warehouse);
    for (const [workers, run] of [[1, one], [2, await gatherWith(2, db, config, client, schemas.warehouse)], [4, await gatherWith(4, db, config, client, schemas.warehouse)]] as const) {
      const rate = run.scored / run.seconds;
      // Without the processes' start (each loads LangGraph, a second or more of CPU): first report stored to last.
      const storing = run.scored / run.storingSeconds;
      console.log(
        `  gather   ${workers} worker${workers > 1 ? "s" : " "} ${Math.round(rate)} sessions/s (${run.scored} scored in ${run.seconds.toFixed(1)} s, whole processes), speed-up ${(rate / (one.scored / one.seconds)).toFixed(2)}; ` +
          `first to last report ${run.storingSeconds.toFixed(1)} s, ${Math.round(storing)} sessions/s, speed-up ${(storing / (one.scored / one.storingSeconds)).toFixed(2)}`,
      );
    }
  } finally {
    for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await postgresBench(process.argv[2] ? Number(process.argv[2]) : undefined);
