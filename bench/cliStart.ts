/**
 * The command line's first second, each figure beside baselines measured in the same run: a bare
 * `node -e 0` start, and the same TypeScript source run through tsx (compiling on every call, as
 * bin/selfheal.js did before the build).
 * - `--help` latency;
 * - first-line latency of `reports` on a gathered demo week (time to the first byte of output), and of
 *   every other command on that week;
 * - peak RSS of `selfheal ingest` of a ≈1M-event PostHog export, as a whole process (its getrusage maxRSS).
 * Prints figures; asserts nothing (targets: help < 0.5 s, first line < 1 s, ingest < 300 MB).
 * Usage: npx tsx bench/cliStart.ts [<sessions in the ingest file, default 45000>] (also part of npm run bench)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { ensureDemoRepo, writeDemoProfile } from "../cli/demoRepo.js";
import { buildCli } from "../testing/buildCli.js";
import { measuredNode } from "./measuredProcess.js";

const BIN = fileURLToPath(new URL("../bin/selfheal.js", import.meta.url));
const SOURCE = fileURLToPath(new URL("./sourceCli.ts", import.meta.url));
const WEEK = "2026-W47";
const RUNS = 5;

interface Start {
  label: string;
  argv: string[];
}

const bare: Start = { label: "node -e 0 (bare start)", argv: ["-e", "0"] };
const built: Start = { label: "selfheal (built JavaScript)", argv: [BIN] };
const tsx: Start = { label: "selfheal through tsx (source)", argv: ["--import", "tsx", SOURCE] };

interface Timing {
  firstOutputMs: number;
  totalMs: number;
  code: number | null;
}

function timed(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first = Number.NaN;
    const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", ...env } });
    const seen = () => {
      if (Number.isNaN(first)) first = performance.now() - start;
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.on("error", reject);
    child.on("close", (code) => resolve({ firstOutputMs: first, totalMs: performance.now() - start, code }));
  });
}

async function median(argv: string[], pick: (t: Timing) => number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timed(argv);
    if (t.code !== 0) throw new Error(`${argv.join(" ")} exited ${t.code}`);
    values.push(pick(t));
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

const ms = (n: number): string => `${Math.round(n).toString().padStart(5)} ms`;

export async function cliStartBench(ingestSessions = 45_000): Promise<void> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-cli-"));
  try {
    console.log("selfheal --help (median of 5)");
    for (const s of [bare, built, tsx]) {
      const argv = s === bare ? s.argv : [...s.argv, "--help"];
      console.log(`  ${s.label.padEnd(32)} ${ms(await median(argv, (t) => t.totalMs))}`);
    }

    await ensureDemoRepo(dir);
    const config = writeDemoProfile(dir);
    const small = join(dir, "week.jsonl");
    await writeSessionsJsonl(simulateWeek({ sessions: 2000, seed: 3, weekStart: weekRange(WEEK).start }), small);
    const db = ["--db", join(dir, "week.db"), "--config", config];
    for (const step of [["ingest", small], ["gather"]]) {
      const t = await timed([BIN, ...db, ...step]);
      if (t.code !== 0) throw new Error(`seeding: selfheal ${step[0]} exited ${t.code}`);
    }
    console.log("selfheal reports on a gathered week of 2,000 sessions: first line (median of 5)");
    console.log(`  ${bare.label.padEnd(32)} ${ms(await median(bare.argv, (t) => t.totalMs))}  (start to exit)`);
    for (const s of [built, tsx]) {
      const argv = [...s.argv, ...db, "reports"];
      console.log(`  ${s.label.padEnd(32)} ${ms(await median(argv, (t) => t.firstOutputMs))}  (all 2,000 lines: ${ms(await median(argv, (t) => t.totalMs)).trim()})`);
    }

    console.log("every other command on that week: first line (median of 5, built JavaScript)");
    for (const args of [["gather"], ["triage"], ["fix"], ["digest"], ["digest", "--format", "md"], ["run"], ["review"], ["schedule", "--dry-run"]]) {
      console.log(`  ${args.join(" ").padEnd(32)} ${ms(await median([BIN, ...db, ...args], (t) => t.firstOutputMs))}`);
    }

    const big = join(dir, "big.jsonl");
    const sim = await writeSessionsJsonl(simulateWeek({ sessions: ingestSessions, seed: 1, weekStart: weekRange(WEEK).start }), big);
    console.log(`selfheal ingest of ${sim.events.toLocaleString("en-US")} events (${(statSync(big).size / 1e6).toFixed(0)} MB): peak RSS of the whole process`);
    console.log(`  ${bare.label.padEnd(32)} ${(await measuredNode(bare.argv)).peakRssMb.toFixed(0).padStart(5)} MB`);
    for (const [i, s] of [built, tsx].entries()) {
      const argv = [...s.argv, "--db", join(dir, `big-${i}.db`), "--config", config, "ingest", big];
      const run = await measuredNode(argv);
      console.log(`  ${s.label.padEnd(32)} ${run.peakRssMb.toFixed(0).padStart(5)} MB  (${run.seconds.toFixed(1)} s)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await cliStartBench(Number(process.argv[2] ?? 45_000));
