/**
 * A simulated week end to end, on each engine, at 1,000 and 50,000 sessions: `selfheal ingest` of its
 * PostHog export, heuristic `selfheal gather`, then the weekly `selfheal run --yes` (patterns, tickets,
 * Skynet's preparation with no model, the digest), each a whole process. Prints each stage's seconds
 * and peak RSS, and the checkpoint bytes the run's threads left in the warehouse: the 1,000-session
 * week is the baseline the 50,000-session one is read against (checkpoints must stay bounded, not grow
 * with the sessions). Asserts nothing. Postgres is skipped when SELFHEAL_BENCH_POSTGRES (default the
 * test server) is not reachable; every schema it makes is dropped after.
 * Usage: npm run bench:week [-- <sessions>...]   (default 1000 50000)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { ensureDemoRepo, writeDemoProfile } from "../cli/demoRepo.js";
import { buildCli } from "../testing/buildCli.js";
import { measuredSelfheal, mb } from "./measuredProcess.js";

const SERVER = process.env["SELFHEAL_BENCH_POSTGRES"] || "postgres://postgres@127.0.0.1:5432/test";
const WEEK = "2026-W47";

interface Engine {
  name: string;
  /** A fresh warehouse location for one week. */
  location(dir: string, sessions: number): string;
  /** Bytes the checkpointer stored (checkpoints, channel values, pending writes) for every thread there. */
  checkpointBytes(location: string): Promise<number>;
  cleanup(): Promise<void>;
}

const sqlite: Engine = {
  name: "sqlite",
  location: (dir, sessions) => join(dir, `week-${sessions}.db`),
  checkpointBytes: async (location) => {
    const db = new Database(location, { readonly: true });
    try {
      const row = db
        .prepare(`SELECT (SELECT coalesce(sum(length(checkpoint) + length(metadata)), 0) FROM checkpoints) + (SELECT coalesce(sum(length(value)), 0) FROM writes) AS bytes`)
        .get() as { bytes: number };
      return row.bytes;
    } finally {
      db.close();
    }
  },
  cleanup: async () => undefined,
};

async function postgres(): Promise<Engine | null> {
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    console.log(`postgres   skipped: ${SERVER} is not reachable (${(err as Error).message})`);
    return null;
  }
  const stamp = Date.now().toString(36);
  const schemas: string[] = [];
  return {
    name: "postgres",
    location: (_dir, sessions) => {
      const schema = `bench_week_${sessions}_${stamp}`;
      schemas.push(schema);
      const url = new URL(SERVER);
      url.searchParams.set("schema", schema);
      return url.toString();
    },
    checkpointBytes: async (location) => {
      const schema = new URL(location).searchParams.get("schema") ?? "";
      const { rows } = await client.query<{ bytes: string }>(
        `SELECT (SELECT coalesce(sum(pg_column_size(checkpoint) + pg_column_size(metadata)), 0) FROM "${schema}".checkpoints)
              + (SELECT coalesce(sum(octet_length(blob)), 0) FROM "${schema}".checkpoint_blobs)
              + (SELECT coalesce(sum(octet_length(blob)), 0) FROM "${schema}".checkpoint_writes) AS bytes`,
      );
      return Number(rows[0]?.bytes ?? 0);
    },
    cleanup: async () => {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

async function week(engine: Engine, dir: string, config: string, sessions: number): Promise<number> {
  const file = join(dir, `week-${sessions}.jsonl`);
  const sim = await writeSessionsJsonl(simulateWeek({ sessions, seed: 7, weekStart: weekRange(WEEK).start }), file);
  const db = engine.location(dir, sessions);
  const base = ["--db", db, "--config", config];
  console.log(`${engine.name.padEnd(10)} ${sessions.toLocaleString("en-US")} sessions, ${sim.events.toLocaleString("en-US")} events`);
  for (const [stage, args] of [
    ["ingest", ["ingest", file]],
    ["gather", ["gather", "--analyst", "heuristic", "--week", WEEK]],
    ["run", ["run", "--week", WEEK, "--yes"]],
  ] as const) {
    const r = await measuredSelfheal([...base, ...args]);
    console.log(`  ${stage.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s   peak RSS ${mb(r.peakRssMb).padStart(7)}`);
  }
  const bytes = await engine.checkpointBytes(db);
  console.log(`  checkpoints ${(bytes / 1e3).toFixed(0)} kB for the week's threads`);
  return bytes;
}

export async function weekBench(sizes: number[] = [1000, 50_000]): Promise<void> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-week-"));
  const engines = [sqlite, await postgres()].filter((e): e is Engine => e !== null);
  try {
    await ensureDemoRepo(dir);
    const config = writeDemoProfile(dir);
    for (const engine of engines) {
      const bytes = [];
      for (const sessions of sizes) bytes.push(await week(engine, dir, config, sessions));
      const [first, last] = [bytes[0] ?? 0, bytes.at(-1) ?? 0];
      if (bytes.length > 1) console.log(`  checkpoint bytes at ${sizes.at(-1)} against ${sizes[0]} sessions: ×${(last / Math.max(first, 1)).toFixed(2)}`);
    }
  } finally {
    for (const engine of engines) await engine.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await weekBench(process.argv.length > 2 ? process.argv.slice(2).map(Number) : undefined);
