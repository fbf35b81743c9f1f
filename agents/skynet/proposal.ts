import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Ticket } from "../../state/ticket.js";
import type { LoadedProfile } from "../../state/loadProfile.js";
import { git } from "../../tools/codebase/git.js";
import { retryPolicyOf } from "../../runtime/outside/guard.js";
import { githubAccess, githubClient, parseRepoSlug } from "../../tools/github/client.js";
import { openPullRequest, pushBranch, writeLocalPatch } from "../../tools/vcs/pullRequest.js";

/** A verified change waiting at the PR gate: small enough for a checkpoint (the diff is within limits). */
export interface Proposal {
  ticketId: string;
  branch: string;
  worktree: string;
  /** The default branch the PR targets. */
  base: string;
  commit: string;
  diff: string;
  testsBefore: string | null;
  testsAfter: string | null;
  /** The model's own summary of what it changed: its words, shown as such. */
  summary: string;
}

const AUTHOR = ["-c", "user.name=selfheal skynet", "-c", "user.email=skynet@selfheal.invalid"];

/** Commits the verified change on the ticket's branch. */
export async function commitFix(worktree: string, ticket: Ticket): Promise<string> {
  await git(worktree, ["add", "-A"]);
  await git(worktree, [...AUTHOR, "commit", "-q", "--no-verify", "-m", `fix(${ticket.id}): ${ticket.title.slice(0, 60)}`, "-m", `Ticket: ${ticket.url}`]);
  return (await git(worktree, ["rev-parse", "HEAD"])).trim();
}

export function defaultPrTitle(ticket: Ticket): string {
  return `fix(${ticket.id}): ${ticket.title}`.slice(0, 120);
}

/** The PR body: the ticket link, its evidence quoted, the deterministic results, the diff's shape. */
export function defaultPrBody(ticket: Ticket, p: Proposal, files: { path: string; added: number; removed: number }[], reproTests: string[]): string {
  return [
    `Fixes [${ticket.id}](${ticket.url}) — ${ticket.sessions} sessions affected.`,
    "",
    "## Evidence (from the ticket; user session data)",
    "",
    ...ticket.body.split("\n").map((l) => `> ${l}`),
    "",
    "## Verification (run by selfheal, not the model)",
    "",
    `- Tests before the fix${reproTests.length ? ` (with the new test ${reproTests.join(", ")})` : ""}: ${p.testsBefore ?? "not run"}`,
    `- Tests after the fix: ${p.testsAfter ?? "not run"}`,
    `- Files: ${files.map((f) => `${f.path} (+${f.added} -${f.removed})`).join(", ")}`,
    "",
    "## The agent's summary (model output)",
    "",
    p.summary || "(none)",
    "",
    "Opened by selfheal's Skynet after a human approved it. Review before merging: selfheal never merges.",
  ].join("\n");
}

/**
 * Sends the approved change out: pushed and opened as a GitHub PR when the profile names a GitHub
 * repository and a token is set, otherwise kept as the local branch plus a `.patch` file.
 */
export async function openProposal(p: Proposal, opts: { loaded: LoadedProfile; dataDir: string; title: string; body: string; env?: NodeJS.ProcessEnv }): Promise<{ url: string; patchPath: string | null; reason: string }> {
  const repo = opts.loaded.profile.repo;
  const gh = opts.loaded.profile.skynet.github;
  const access = githubAccess(opts.env, gh.apiUrl);
  if (repo?.github && access.token) {
    const { owner, repo: name } = parseRepoSlug(repo.github);
    await pushBranch(p.worktree, { remote: gh.remote, branch: p.branch, defaultBranch: p.base });
    const pr = await openPullRequest(await githubClient(access, opts.loaded.profile.services), { owner, repo: name, branch: p.branch, base: p.base, title: opts.title, body: opts.body }, retryPolicyOf(opts.loaded.profile.services));
    return { url: pr.url, patchPath: null, reason: `verified and approved; ${pr.created ? "opened" : "updated"} pull request #${pr.number} from ${p.branch}` };
  }
  const file = await writeLocalPatch(p.worktree, { base: p.base, branch: p.branch, file: join(opts.dataDir, "patches", `${p.ticketId}.patch`) });
  const why = repo?.github ? `no GITHUB_TOKEN is set for ${repo.github}` : "no GitHub repository is configured (repo.github)";
  return { url: pathToFileURL(file).href, patchPath: file, reason: `verified and approved; ${why}, so the branch ${p.branch} is kept and the patch written to ${file}` };
}
