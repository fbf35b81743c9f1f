import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built command line, as users run it. */
export const SELFHEAL_BIN = fileURLToPath(new URL("../bin/selfheal.js", import.meta.url));

/**
 * Writes the process's peak RSS (KB) and CPU time (user + system µs, every thread) to $SELFHEAL_BENCH_RSS
 * as it exits: the whole process, whatever ran in it.
 */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); writeFileSync(process.env.SELFHEAL_BENCH_RSS, JSON.stringify({ maxRSS: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });`,
)}`;

export interface Measured {
  /** Wall seconds from spawn to exit. */
  seconds: number;
  /** The whole process's peak RSS (getrusage maxRSS), MB. */
  peakRssMb: number;
  /** The whole process's CPU time, user + system, seconds: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  stdout: string;
}

/**
 * Runs `node <argv>` as a process of its own and measures it whole: wall time and peak RSS, so a figure
 * is one process's alone and includes its start. Rejects on a non-zero exit with the end of stderr.
 */
export function measuredNode(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const rssFile = join(tmpdir(), `selfheal-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", RSS_HOOK, ...argv], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", ...env, SELFHEAL_BENCH_RSS: rssFile },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - start) / 1000;
      try {
        if (code !== 0) throw new Error(`node ${argv.join(" ")} exited ${code}: ${err.slice(-800)}`);
        const usage = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRSS: number; cpuUs: number };
        resolve({ seconds, peakRssMb: usage.maxRSS / 1024, cpuSeconds: usage.cpuUs / 1e6, stdout: out });
      } catch (e) {
        reject(e as Error);
      } finally {
        rmSync(rssFile, { force: true });
      }
    });
  });
}

/** `selfheal <args> --json`, measured; resolves with its JSON result too. */
export async function measuredSelfheal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured & { result: Record<string, unknown> }> {
  const run = await measuredNode([SELFHEAL_BIN, ...args, "--json"], env);
  return { ...run, result: JSON.parse(run.stdout) as Record<string, unknown> };
}

export const mb = (n: number): string => `${n.toFixed(0)} MB`;
