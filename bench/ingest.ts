/**
 * SQLite ingest at scale, beside its baseline measured in the same run: `selfheal ingest` of a simulated
 * PostHog JSON-lines export (45,000 sessions ≈ 1M events by default) as a whole process, against a raw
 * parse-and-insert of the same lines (each JSON line parsed, one prepared INSERT per line into a bare
 * table, one transaction: no dedup, no sessions) in a process of its own. The two take turns, three
 * rounds by default, each into fresh files: on a shared machine one process's time swings by a quarter
 * from run to run, so each round is printed and the summary compares medians. Prints events/s, each
 * process's CPU time (user + system) and peak RSS; asserts nothing (targets: ratio ≥ 0.6, selfheal under
 * 300 MB in every round).
 * Usage: npm run bench:ingest [-- <sessions> [<rounds>]]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { buildCli } from "../testing/buildCli.js";
import { measuredNode, measuredSelfheal, mb } from "./measuredProcess.js";
import { rawRows } from "./rawLoad.js";

const SELF = fileURLToPath(import.meta.url);

/** The baseline, run as `--raw <file> <db>` in a process of its own; prints the rows it stored. */
async function rawInsert(file: string, path: string): Promise<void> {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE raw_events (uuid TEXT, event TEXT, distinct_id TEXT, timestamp TEXT, session_id TEXT, properties TEXT)`);
  const insert = db.prepare(`INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?)`);
  let events = 0;
  db.exec("BEGIN");
  for await (const r of rawRows(file)) {
    insert.run(r.uuid, r.event, r.distinctId, r.timestamp, r.sessionId, r.properties);
    events++;
  }
  db.exec("COMMIT");
  db.close();
  process.stdout.write(JSON.stringify({ events }));
}

interface Round {
  rate: number;
  rawRate: number;
  rssMb: number;
}

export async function ingestBench(sessions = 45_000, rounds = 3): Promise<void> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-ingest-"));
  try {
    const file = join(dir, "events.jsonl");
    const sim = await writeSessionsJsonl(simulateWeek({ sessions, seed: 1, weekStart: weekRange("2026-W47").start }), file);
    console.log(`sqlite     ${sim.sessions} sessions, ${sim.events} events, ${(statSync(file).size / 1e6).toFixed(0)} MB; ${rounds} rounds`);
    const done: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      const [warehouseDb, rawDb] = [join(dir, "warehouse.db"), join(dir, "raw.db")];
      for (const f of [warehouseDb, rawDb]) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${f}${suffix}`, { force: true });
      const raw = await measuredNode(["--import", "tsx", SELF, "--raw", file, rawDb]);
      const ingest = await measuredSelfheal(["--db", warehouseDb, "ingest", file]);
      const rawEvents = (JSON.parse(raw.stdout) as { events: number }).events;
      const rate = Number(ingest.result["events"]) / ingest.seconds;
      const rawRate = rawEvents / raw.seconds;
      done.push({ rate, rawRate, rssMb: ingest.peakRssMb });
      console.log(`  round ${round}  selfheal ${Math.round(rate)} events/s (${ingest.seconds.toFixed(1)} s, CPU ${ingest.cpuSeconds.toFixed(1)} s, peak RSS ${mb(ingest.peakRssMb)})`);
      console.log(`           raw parse-and-insert ${Math.round(rawRate)} events/s (${raw.seconds.toFixed(1)} s, CPU ${raw.cpuSeconds.toFixed(1)} s, peak RSS ${mb(raw.peakRssMb)}), ratio ${(rate / rawRate).toFixed(2)}`);
    }
    const rate = median(done.map((r) => r.rate));
    const rawRate = median(done.map((r) => r.rawRate));
    const ratios = done.map((r) => (r.rate / r.rawRate).toFixed(2)).join(", ");
    console.log(`  ingest   selfheal ${Math.round(rate)} events/s against raw ${Math.round(rawRate)} (medians): ratio ${(rate / rawRate).toFixed(2)} (rounds: ${ratios}); peak RSS at most ${mb(Math.max(...done.map((r) => r.rssMb)))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

if (process.argv[2] === "--raw") await rawInsert(process.argv[3] ?? "", process.argv[4] ?? "");
else if (process.argv[1] === SELF) await ingestBench(process.argv[2] ? Number(process.argv[2]) : undefined, process.argv[3] ? Number(process.argv[3]) : undefined);
