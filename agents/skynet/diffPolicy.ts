import { git } from "../../tools/codebase/git.js";
import { matchesAny } from "../../tools/sandbox/paths.js";
import type { SkynetSettings } from "../../state/profileSections/skynet.js";

export interface ChangedFile {
  path: string;
  status: string;
  added: number;
  removed: number;
  /** git's mode for the new version: 120000 is a symlink. */
  mode: string;
  /** The new version's blob id (zeros for a deletion): what was checked, exactly. */
  blob: string;
  /** git sees no lines in it, so the line limit cannot measure it. */
  binary: boolean;
}

/** Everything in the worktree that differs from the base commit, untracked files included (staged to see them). */
export async function changedFiles(worktree: string, base: string): Promise<ChangedFile[]> {
  await git(worktree, ["add", "-A"]);
  const raw = await git(worktree, ["diff", "--cached", "--raw", "--no-abbrev", "--no-renames", "-z", base]);
  const numstat = await git(worktree, ["diff", "--cached", "--numstat", "--no-renames", "-z", base]);
  const counts = new Map<string, { added: number; removed: number; binary: boolean }>();
  for (const entry of numstat.split("\0").filter(Boolean)) {
    const [a, r, path] = entry.split("\t");
    if (path) counts.set(path, { added: Number(a) || 0, removed: Number(r) || 0, binary: a === "-" });
  }
  const parts = raw.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!.split(" ");
    const path = parts[i + 1]!;
    const c = counts.get(path) ?? { added: 0, removed: 0, binary: false };
    files.push({ path, status: meta[4] ?? "M", mode: meta[1] ?? "", blob: meta[3] ?? "", ...c });
  }
  return files;
}

/** Paths whose change differs between two readings of the worktree: added, gone, or with other content or mode. */
export function changedSince(checked: ChangedFile[], now: ChangedFile[]): string[] {
  const key = (f: ChangedFile) => `${f.mode} ${f.blob}`;
  const before = new Map(checked.map((f) => [f.path, key(f)]));
  const after = new Map(now.map((f) => [f.path, key(f)]));
  return [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();
}

/**
 * The rules a diff must keep before anything runs: no forbidden path, no symlink, no change to the test
 * command's own scripts, and within the size limits. Returns the reasons it breaks them.
 */
export async function policyProblems(worktree: string, base: string, files: ChangedFile[], settings: SkynetSettings): Promise<string[]> {
  const problems: string[] = [];
  if (files.length === 0) problems.push("the agent changed nothing");
  for (const f of files) {
    const glob = matchesAny(f.path, settings.forbiddenPaths);
    if (glob) problems.push(`touches forbidden path ${f.path} (matches ${glob})`);
    if (f.mode === "120000") problems.push(`adds a symlink at ${f.path}`);
    if (f.status === "D" && matchesAny(f.path, settings.testPaths)) problems.push(`deletes test file ${f.path}`);
    if (f.binary && f.status !== "D") problems.push(`adds or changes binary file ${f.path}, which the line limit cannot measure`);
  }
  if (files.some((f) => f.path === "package.json") && (await scriptsChanged(worktree, base))) {
    problems.push("changes package.json scripts, the test command's own configuration");
  }
  const lines = files.reduce((n, f) => n + f.added + f.removed, 0);
  if (files.length > settings.maxFilesChanged) problems.push(`changes ${files.length} files, over the limit of ${settings.maxFilesChanged}`);
  if (lines > settings.maxLinesChanged) problems.push(`changes ${lines} lines, over the limit of ${settings.maxLinesChanged}`);
  return problems;
}

async function scriptsChanged(worktree: string, base: string): Promise<boolean> {
  const scripts = (text: string): string => {
    try {
      return JSON.stringify((JSON.parse(text) as { scripts?: unknown }).scripts ?? null);
    } catch {
      return "unparseable";
    }
  };
  const before = await git(worktree, ["show", `${base}:package.json`], { allowExitCodes: [128] });
  const after = await git(worktree, ["show", ":package.json"], { allowExitCodes: [128] });
  return scripts(before) !== scripts(after);
}
