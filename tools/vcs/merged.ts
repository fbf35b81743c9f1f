import { git } from "../codebase/git.js";

/**
 * When a fix commit reached the default branch: the committer date of the first commit on the default
 * branch's own (first-parent) line that contains it: the merge commit, or the fix itself after a
 * fast-forward. Null while it has not, or when the commit or the branch is missing.
 */
export async function mergedAt(repoPath: string, fixCommit: string, defaultBranch: string): Promise<{ at: string; commit: string } | null> {
  const tip = await resolve(repoPath, `${fixCommit}^{commit}`);
  const base = await resolve(repoPath, `refs/heads/${defaultBranch}`);
  if (!tip || !base) return null;
  const line = new Set(lines(await git(repoPath, ["rev-list", "--first-parent", base])));
  const descendants = lines(await git(repoPath, ["rev-list", "--ancestry-path", "--reverse", `${tip}..${base}`]));
  const commit = line.has(tip) ? tip : descendants.find((c) => line.has(c));
  if (!commit) return null;
  const at = (await git(repoPath, ["show", "-s", "--format=%cI", commit])).trim();
  return { at: new Date(at).toISOString(), commit };
}

async function resolve(repoPath: string, rev: string): Promise<string | null> {
  const sha = (await git(repoPath, ["rev-parse", "--verify", "--quiet", rev], { allowExitCodes: [1, 128] })).trim();
  return sha || null;
}

function lines(text: string): string[] {
  return text.split("\n").filter(Boolean);
}
