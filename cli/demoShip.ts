import { git } from "../tools/codebase/git.js";
import { packagePath } from "../runtime/packagePath.js";
import type { BugName } from "../demo/simulator/index.js";

const AUTHOR = ["-c", "user.name=selfheal demo", "-c", "user.email=demo@selfheal.invalid"];

/** The demo's reference fix of one of its bugs: what a right fix changes, kept with the evals. */
export function referenceFix(bug: BugName): string {
  return packagePath("evals", "datasets", "demo-acme", "skynet", bug, "right.patch");
}

/**
 * Ships a fix the way a team does, at a given (simulated) time: the patch is committed on the fix branch
 * in its worktree, and the branch merged into the default branch with a merge commit. Returns the fix
 * commit. The demo uses it with its reference fixes when no model wrote one, and says so.
 */
export async function commitAndMerge(opts: { repo: string; worktree: string; branch: string; patch: string; message: string; at: Date }): Promise<string> {
  const env = { GIT_AUTHOR_DATE: opts.at.toISOString(), GIT_COMMITTER_DATE: opts.at.toISOString() };
  await git(opts.worktree, ["apply", opts.patch]);
  await git(opts.worktree, ["add", "-A"]);
  await git(opts.worktree, [...AUTHOR, "commit", "-q", "-m", opts.message], { env });
  const commit = (await git(opts.worktree, ["rev-parse", "HEAD"])).trim();
  await mergeAt(opts.repo, opts.branch, opts.at);
  return commit;
}

/** Merges a branch into the checked-out default branch with a merge commit dated `at`. */
export async function mergeAt(repo: string, branch: string, at: Date): Promise<void> {
  const env = { GIT_AUTHOR_DATE: at.toISOString(), GIT_COMMITTER_DATE: at.toISOString() };
  await git(repo, [...AUTHOR, "merge", "--no-ff", "-q", "-m", `Merge ${branch}`, branch], { env });
}

