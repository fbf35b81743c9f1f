import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { git } from "../codebase/git.js";

/**
 * An isolated checkout for one fix: a git worktree of the product repository on its own branch, cut
 * from the default branch. Idempotent: an existing worktree for the branch is reused, so a resumed run
 * does not fail or start over.
 */
export async function ensureWorktree(repo: string, opts: { dir: string; branch: string; base: string }): Promise<{ dir: string; created: boolean }> {
  const dir = resolve(opts.dir);
  const listed = await git(repo, ["worktree", "list", "--porcelain"]);
  if (listed.split("\n").some((line) => line === `worktree ${dir}`) && existsSync(dir)) return { dir, created: false };
  await git(repo, ["worktree", "prune"]);
  await mkdir(dirname(dir), { recursive: true });
  const branchExists = (await git(repo, ["branch", "--list", opts.branch])).trim().length > 0;
  const args = branchExists ? ["worktree", "add", dir, opts.branch] : ["worktree", "add", "-b", opts.branch, dir, opts.base];
  await git(repo, args);
  return { dir, created: true };
}
