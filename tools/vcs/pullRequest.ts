import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Octokit } from "@octokit/rest";
import { git } from "../codebase/git.js";
import { createOnce } from "../../runtime/outside/createOnce.js";
import type { RetryPolicy } from "../../runtime/outside/retry.js";

/** The only branches Skynet ever pushes: its own (as `branchFor` names them), never the default branch. */
function assertFixBranch(branch: string, defaultBranch: string): void {
  // One plain name: nothing a refspec could read as a second destination (`selfheal/x:refs/heads/main`).
  if (!/^selfheal\/[a-z0-9-]+$/.test(branch) || branch === defaultBranch) {
    throw new Error(`refusing to push ${branch}: Skynet pushes only its own selfheal/* branches, never ${defaultBranch}`);
  }
}

/** Pushes the fix branch to the remote (forced: a re-attempt rewrites Skynet's own branch, nothing else). */
export async function pushBranch(worktree: string, opts: { remote: string; branch: string; defaultBranch: string }): Promise<void> {
  assertFixBranch(opts.branch, opts.defaultBranch);
  await git(worktree, ["push", "--porcelain", opts.remote, `+refs/heads/${opts.branch}:refs/heads/${opts.branch}`]);
}

export interface PullRequestSpec {
  owner: string;
  repo: string;
  branch: string;
  base: string;
  title: string;
  body: string;
}

/**
 * Opens the PR, or updates the open one for the same branch (one PR per ticket, so a resumed or
 * repeated run does not open a twin; and a create whose reply was lost is found before it is sent again).
 * Never merges.
 */
export async function openPullRequest(octokit: Octokit, spec: PullRequestSpec, retry: RetryPolicy): Promise<{ url: string; number: number; created: boolean }> {
  assertFixBranch(spec.branch, spec.base);
  const openOne = async () => {
    const existing = await octokit.rest.pulls.list({ owner: spec.owner, repo: spec.repo, state: "open", head: `${spec.owner}:${spec.branch}`, base: spec.base });
    return existing.data[0] ?? null;
  };
  const open = await openOne();
  if (open) {
    await octokit.rest.pulls.update({ owner: spec.owner, repo: spec.repo, pull_number: open.number, title: spec.title, body: spec.body });
    return { url: open.html_url, number: open.number, created: false };
  }
  const made = await createOnce(
    async () => {
      const created = await octokit.rest.pulls.create({ owner: spec.owner, repo: spec.repo, head: spec.branch, base: spec.base, title: spec.title, body: spec.body, maintainer_can_modify: false });
      return { html_url: created.data.html_url, number: created.data.number };
    },
    openOne,
    retry,
  );
  return { url: made.html_url, number: made.number, created: true };
}

/** The local stand-in for a PR: the branch stays, and its commits are written as a mailbox patch. */
export async function writeLocalPatch(worktree: string, opts: { base: string; branch: string; file: string }): Promise<string> {
  const patch = await git(worktree, ["format-patch", "--stdout", `${opts.base}..${opts.branch}`]);
  await mkdir(dirname(opts.file), { recursive: true });
  await writeFile(opts.file, patch);
  return opts.file;
}

/** When a pull request (by its GitHub URL) was merged; null while it is open or closed unmerged. */
export async function pullRequestMergedAt(octokit: Octokit, spec: { owner: string; repo: string; url: string }): Promise<string | null> {
  const number = /\/pull\/(\d+)(?:[/?#]|$)/.exec(spec.url)?.[1];
  if (!number) return null;
  const pr = await octokit.rest.pulls.get({ owner: spec.owner, repo: spec.repo, pull_number: Number(number) });
  return pr.data.merged_at ?? null;
}
