/**
 * What Skynet's sandbox costs: bubblewrap's start-up, and the demo app's test command run sandboxed
 * against unsandboxed (the same scrubbed environment). Prints figures; asserts nothing.
 * Usage: npx tsx bench/sandbox.ts (also part of npm run bench)
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bubblewrapProblem, runInSandbox, type SandboxOptions } from "../tools/sandbox/exec.js";
import { DEMO_APP_DIR } from "../cli/demoRepo.js";

async function meanMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

export async function sandboxBench(): Promise<void> {
  const problem = bubblewrapProblem();
  if (problem) {
    console.log(`sandbox    skipped: ${problem}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-sandbox-"));
  try {
    const app = join(dir, "app");
    cpSync(DEMO_APP_DIR, app, { recursive: true, filter: (src) => !src.includes("node_modules") });
    const deps = fileURLToPath(new URL("../node_modules", import.meta.url));
    const opts = (mode: SandboxOptions["mode"]): SandboxOptions => ({ worktree: app, mode, timeoutMs: 60_000, dependencies: mode === "bubblewrap" ? deps : null });
    const startSandboxed = await meanMs(20, () => runInSandbox("true", opts("bubblewrap")));
    const startPlain = await meanMs(20, () => runInSandbox("true", opts("unsandboxed")));
    console.log(`sandbox    start-up ${startSandboxed.toFixed(1)} ms in bubblewrap, ${startPlain.toFixed(1)} ms without (mean of 20)`);
    const testSandboxed = await meanMs(3, () => runInSandbox("npm test", opts("bubblewrap")));
    // Unsandboxed, the copy reaches the same dependencies through a symlink instead of the mount.
    rmSync(join(app, "node_modules"), { recursive: true, force: true });
    symlinkSync(deps, join(app, "node_modules"));
    const testPlain = await meanMs(3, () => runInSandbox("npm test", opts("unsandboxed")));
    console.log(`           demo app's npm test: ${testSandboxed.toFixed(0)} ms in bubblewrap, ${testPlain.toFixed(0)} ms without (mean of 3)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await sandboxBench();
