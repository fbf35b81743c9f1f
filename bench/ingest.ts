/**
 * Ingest at scale: a simulated PostHog JSON-lines export (45,000 sessions ≈ 1M events by default) is
 * imported by a separate process, so its peak RSS (getrusage maxrss) is the import's alone.
 * Prints figures; asserts nothing (the target, < 300 MB for 1M events, is read off here, not in tests).
 * Usage: npm run bench:ingest [-- <sessions>]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { openWarehouse } from "../warehouse/index.js";
import { ingestFile } from "../connectors/ingest.js";
import { formatProgress } from "../connectors/progress.js";

interface ChildFigures {
  events: number;
  sessions: number;
  seconds: number;
  maxRssMb: number;
}

async function child(file: string, db: string): Promise<void> {
  const warehouse = openWarehouse(db);
  const start = performance.now();
  try {
    const result = await ingestFile(warehouse, file, { onProgress: (p) => process.stderr.write(`  ${formatProgress(p)}\n`) });
    const figures: ChildFigures = {
      events: result.events,
      sessions: result.sessions,
      seconds: (performance.now() - start) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(JSON.stringify(figures));
  } finally {
    await warehouse.close();
  }
}

function runChild(file: string, db: string): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", file, db], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
    proc.on("error", reject);
    proc.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as ChildFigures) : reject(new Error(`ingest child exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const sessions = Number(process.argv[2] ?? 45_000);
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-ingest-"));
  try {
    const file = join(dir, "events.jsonl");
    const simStart = performance.now();
    const sim = await writeSessionsJsonl(simulateWeek({ sessions, seed: 1, weekStart: weekRange("2026-W47").start }), file);
    console.log(`simulated  ${sim.sessions} sessions, ${sim.events} events, ${(statSync(file).size / 1e6).toFixed(0)} MB in ${((performance.now() - simStart) / 1000).toFixed(1)} s`);
    const figures = await runChild(file, join(dir, "warehouse.db"));
    console.log(`ingest     ${figures.events} events into ${figures.sessions} sessions in ${figures.seconds.toFixed(1)} s`);
    console.log(`           ${Math.round(figures.events / figures.seconds)} events/s`);
    console.log(`peak RSS   ${figures.maxRssMb.toFixed(0)} MB (the importing process)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3] ?? "", process.argv[4] ?? "");
else await main();
