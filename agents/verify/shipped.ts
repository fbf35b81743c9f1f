import type { Octokit } from "@octokit/rest";
import type { Ticket, FixAttempt } from "../../state/ticket.js";
import type { ShippedBy } from "../../state/verdict.js";
import type { Tracker } from "../../tools/tracker/types.js";
import { mergedAt } from "../../tools/vcs/merged.js";
import { pullRequestMergedAt } from "../../tools/vcs/pullRequest.js";

export interface Shipped {
  at: string;
  by: ShippedBy;
  /** What shows it: the PR's URL, the merge commit, or the ticket's URL. */
  ref: string;
}

/** Where a fix can be seen shipping. */
export interface ShipSources {
  tracker: Tracker;
  /** The product's local clone and its default branch, when the profile has one. */
  repo: { path: string; defaultBranch: string } | null;
  /** GitHub, when the profile names a repository and a token is set. */
  github: { octokit: Octokit; owner: string; repo: string } | null;
}

/**
 * When a ticket's fix shipped: its PR merged on GitHub, its branch merged into the local default branch,
 * or the tracker marking it done, whichever came first (code reaches users when it is merged, often
 * before anyone closes the ticket). Evidence no later than `after` is ignored: a fix that did not hold
 * ships again only with a new merge or a new close.
 */
export async function shippedFix(ticket: Ticket, attempt: FixAttempt | null, sources: ShipSources, after: string | null = null): Promise<Shipped | null> {
  const found: Shipped[] = [];
  if (attempt?.prUrl && sources.github && /^https?:\/\//.test(attempt.prUrl)) {
    const at = await pullRequestMergedAt(sources.github.octokit, { owner: sources.github.owner, repo: sources.github.repo, url: attempt.prUrl });
    if (at) found.push({ at: new Date(at).toISOString(), by: "pr_merged", ref: attempt.prUrl });
  }
  // The fix commit itself, never the branch's tip: a branch Skynet only prepared points at the default branch already.
  const fixCommit = attempt?.details?.commit;
  if (attempt && fixCommit && sources.repo) {
    const merged = await mergedAt(sources.repo.path, fixCommit, sources.repo.defaultBranch);
    if (merged) found.push({ at: merged.at, by: "branch_merged", ref: `${attempt.branch} (${fixCommit.slice(0, 12)}) merged in ${merged.commit.slice(0, 12)}` });
  }
  const done = await sources.tracker.doneAt(ticket);
  if (done) found.push({ at: new Date(done).toISOString(), by: "tracker_done", ref: ticket.url });
  const fresh = found.filter((s) => after === null || s.at > after);
  return fresh.sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
}
