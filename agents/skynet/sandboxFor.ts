import { dirname, resolve } from "node:path";
import type { LoadedProfile } from "../../state/loadProfile.js";
import { nearestDependencies, type SandboxOptions } from "../../tools/sandbox/exec.js";

/** The sandbox a ticket's commands run in, from the profile's skynet settings. */
export function sandboxFor(worktree: string, loaded: LoadedProfile): SandboxOptions {
  const s = loaded.profile.skynet;
  const base = loaded.file ? dirname(loaded.file) : process.cwd();
  const dependencies = s.dependencies ? resolve(base, s.dependencies) : loaded.repoPath ? nearestDependencies(loaded.repoPath) : null;
  return { worktree, mode: s.sandbox, timeoutMs: s.commandTimeoutMs, dependencies };
}

/** The commands the agent may run: the repository's test command, then the profile's list. */
export function allowlistFor(loaded: LoadedProfile): string[] {
  const test = loaded.profile.repo?.testCommand ?? "npm test";
  return [...new Set([test, ...loaded.profile.skynet.commands].map((c) => c.trim()))];
}
