import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { git } from "../../tools/codebase/git.js";
import { matchesAny } from "../../tools/sandbox/paths.js";
import { runInSandbox, type CommandResult, type SandboxOptions } from "../../tools/sandbox/exec.js";
import type { SkynetSettings } from "../../state/profileSections/skynet.js";
import { changedFiles, changedSince, policyProblems, type ChangedFile } from "./diffPolicy.js";
import type { Check } from "../../state/fixDetails.js";

export interface Verification {
  ok: boolean;
  /** Why it is not proposed, said plainly; empty when ok. */
  problems: string[];
  files: ChangedFile[];
  reproTests: string[];
  testsBefore: string | null;
  testsAfter: string | null;
  checks: Check[];
}

/** One line for a test run: passed/failed, with the runner's counts when it prints TAP or vitest/jest totals. */
export function summarizeRun(r: CommandResult): string {
  if (r.timedOut) return `timed out after ${Math.round(r.durationMs / 1000)} s`;
  const verdict = r.exitCode === 0 ? "passed" : `failed (exit ${r.exitCode})`;
  const tap = (key: string) => new RegExp(`^# ${key} (\\d+)$`, "m").exec(r.output)?.[1];
  if (tap("tests")) return `${verdict}: ${tap("pass") ?? "?"} of ${tap("tests")} tests passed, ${tap("fail") ?? "?"} failed`;
  const totals = /Tests:?\s+([^\n]*(?:passed|failed)[^\n]*)/.exec(r.output)?.[1];
  if (totals) return `${verdict}: ${totals.trim()}`;
  // A type checker or linter: its first error line says more than the exit code.
  const firstError = r.exitCode === 0 ? undefined : r.output.split("\n").find((l) => /\berror\b/i.test(l));
  return firstError ? `${verdict}: ${firstError.trim().slice(0, 200)}` : verdict;
}

/** Type check and lint: the profile's list, or the project's own `typecheck` and `lint` scripts. */
export function checkCommands(worktree: string, settings: SkynetSettings): string[] {
  if (settings.checks) return settings.checks;
  const pkg = join(worktree, "package.json");
  if (!existsSync(pkg)) return [];
  try {
    const scripts = (JSON.parse(readFileSync(pkg, "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
    return ["typecheck", "lint"].filter((s) => typeof scripts[s] === "string").map((s) => `npm run ${s}`);
  } catch {
    return [];
  }
}

/**
 * Deterministic verification of the agent's change, in order: the diff policy; the tests after the
 * change; the reproduction (new or changed tests run against the unfixed code must fail); type check
 * and lint. The model's word counts for nothing here.
 */
export async function verifyFix(opts: {
  worktree: string;
  base: string;
  settings: SkynetSettings;
  testCommand: string;
  sandbox: SandboxOptions;
  scratchDir: string;
}): Promise<Verification> {
  const { worktree, base, settings } = opts;
  const files = await changedFiles(worktree, base);
  const reproTests = files.filter((f) => f.status !== "D" && matchesAny(f.path, settings.testPaths)).map((f) => f.path);
  const result: Verification = { ok: false, problems: [], files, reproTests, testsBefore: null, testsAfter: null, checks: [] };
  result.problems.push(...(await policyProblems(worktree, base, files, settings)));
  if (result.problems.length > 0) return result;

  // Two separate checkouts, two sandboxes: run side by side.
  const [after, before] = await Promise.all([runInSandbox(opts.testCommand, opts.sandbox), runAtBase(opts, reproTests)]);
  result.testsAfter = summarizeRun(after);
  if (after.exitCode !== 0) result.problems.push(`the tests fail after the change: ${result.testsAfter}`);
  result.testsBefore = summarizeRun(before);
  if (reproTests.length > 0 && before.exitCode === 0) {
    result.problems.push(`the reproduction test (${reproTests.join(", ")}) passes without the fix, so it proves nothing`);
  }
  // Type check and lint only for a change that is otherwise sound: their verdict adds nothing to a failed one.
  for (const command of result.problems.length === 0 ? checkCommands(worktree, settings) : []) {
    const r = await runInSandbox(command, opts.sandbox);
    result.checks.push({ command, ok: r.exitCode === 0, summary: summarizeRun(r) });
    if (r.exitCode !== 0) result.problems.push(`${command} fails: ${summarizeRun(r)}`);
  }
  // The tests and checks ran the agent's code in the worktree: what is committed must be what the policy saw.
  if (result.problems.length === 0) {
    const moved = changedSince(files, await changedFiles(worktree, base));
    if (moved.length > 0) result.problems.push(`running the tests changed the worktree after its change was checked (${moved.join(", ")}), so what would be proposed is not what was checked`);
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** The test command on the base commit plus the agent's test files: the "before" of the fix. */
async function runAtBase(opts: { worktree: string; base: string; testCommand: string; sandbox: SandboxOptions; scratchDir: string }, tests: string[]): Promise<CommandResult> {
  const dir = opts.scratchDir;
  await rm(dir, { recursive: true, force: true });
  await git(opts.worktree, ["worktree", "prune"]);
  await mkdir(dirname(dir), { recursive: true });
  await git(opts.worktree, ["worktree", "add", "--detach", dir, opts.base]);
  try {
    for (const t of tests) {
      await mkdir(dirname(join(dir, t)), { recursive: true });
      await copyFile(join(opts.worktree, t), join(dir, t));
    }
    return await runInSandbox(opts.testCommand, { ...opts.sandbox, worktree: dir });
  } finally {
    await git(opts.worktree, ["worktree", "remove", "--force", dir]).catch(() => rm(dir, { recursive: true, force: true }));
  }
}
