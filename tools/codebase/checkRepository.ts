import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { InputError } from "../../runtime/errors.js";

/** The profile's `repo.path` must be a git work tree: refuse it plainly, naming the key, when it is not. */
export function checkRepository(repoPath: string): void {
  if (!existsSync(repoPath)) throw new InputError("the product repository is not there", { file: repoPath, key: "repo.path" });
  const inside = spawnSync("git", ["-C", repoPath, "rev-parse", "--is-inside-work-tree"], { encoding: "utf8" });
  if (inside.status !== 0 || inside.stdout.trim() !== "true") {
    throw new InputError("not a git repository (selfheal reads the code with git and fixes it on branches)", { file: repoPath, key: "repo.path" });
  }
}

/** The branch fixes are cut from must exist; say which branch the repository is on when it does not. */
export function checkDefaultBranch(repoPath: string, branch: string): void {
  const found = spawnSync("git", ["-C", repoPath, "rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], { encoding: "utf8" });
  if (found.status === 0) return;
  const current = spawnSync("git", ["-C", repoPath, "branch", "--show-current"], { encoding: "utf8" }).stdout.trim();
  throw new InputError(`the repository has no branch "${branch}"${current ? ` (it is on "${current}")` : ""}: set repo.defaultBranch`, {
    file: repoPath,
    key: "repo.defaultBranch",
  });
}
