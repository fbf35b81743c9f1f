import type { LinearClient } from "@linear/sdk";
import type { Warehouse } from "../../warehouse/types.js";
import type { Ticket } from "../../state/ticket.js";
import { inReviewFields, plannedAction, recurringFields, reopenedFields, ticketFields } from "./local.js";
import { commentOn, issueByMarker, issueRef, labelsByName, statusOf, teamId, type LinearIssueRef } from "./linearApi.js";
import type { FileAction, TicketProposal, Tracker } from "./types.js";
import { createOnce } from "../../runtime/outside/createOnce.js";
import type { RetryPolicy } from "../../runtime/outside/retry.js";

/** A tracker built without a retry policy (tests, one-off calls) tries once. */
const NO_RETRY: RetryPolicy = { maxRetries: 0, baseMs: 0, maxMs: 0 };

export interface LinearTrackerOptions {
  /** Team key (ENG) or id. */
  team: string;
  /** Link back to a pattern, with {fingerprint} and {week} placeholders. */
  patternUrl?: string;
  /** How often a create that failed is tried again, once Linear was asked whether it was done after all. */
  retry?: RetryPolicy;
}

/**
 * Tickets as Linear issues. The warehouse keeps the pattern fingerprint -> issue mapping (a ticket row
 * whose id is the issue's identifier), and Linear stays the truth about the issue's state: before
 * deciding, the mirror is refreshed from Linear, so an issue a human closed as done is reopened with a
 * comment when its pattern recurs, and an open one is updated. Never a twin: the description carries a
 * marker with the fingerprint, and an issue found by it is adopted if the mapping was lost.
 */
export class LinearTracker implements Tracker {
  readonly kind = "linear" as const;
  private teamIdCache: string | null = null;

  constructor(
    private readonly warehouse: Warehouse,
    private readonly client: LinearClient,
    private readonly opts: LinearTrackerOptions,
  ) {}

  async plan(p: TicketProposal): Promise<FileAction> {
    const { mirror } = await this.sync(p);
    return plannedAction(mirror, p);
  }

  async file(p: TicketProposal): Promise<{ ticket: Ticket; action: FileAction }> {
    const { mirror, issue } = await this.sync(p);
    const action = plannedAction(mirror, p);
    if (action === "unchanged" && mirror) return { ticket: mirror, action };
    if (!mirror || !issue) return { ticket: await this.create(p), action: "created" };

    const labelIds = await this.labelIds(p.labels);
    const priority = Math.min(issue.priority || 4, p.priority); // Linear's 0 is "no priority"
    if (action === "reopened") {
      const stateId = await this.reopenState();
      await this.client.updateIssue(issue.id, { description: this.description(p), priority, labelIds, ...(stateId ? { stateId } : {}) });
      await this.comment(issue.id, `Reopened by selfheal: the pattern recurred${p.week ? ` in ${p.week}` : ""} in ${p.sessions} sessions after this issue was closed as done.`);
      const ticket = await this.warehouse.updateTicket(mirror.id, { ...ticketFields(p), title: mirror.title, priority, status: "open" });
      return { ticket, action };
    }
    // An open issue: new count and examples, priority raised if warranted; title, kind and labels stay
    // whatever people made them.
    await this.client.updateIssue(issue.id, { description: this.description(p), priority });
    const ticket = await this.warehouse.updateTicket(mirror.id, { ...recurringFields(mirror, p), priority });
    return { ticket, action };
  }

  /**
   * The issue moves to the team's review state (a started state named like "In Review", else its first
   * started state) with a comment linking the pull request; the warehouse's copy follows.
   */
  async markInReview(ticket: Ticket, prUrl: string): Promise<Ticket> {
    const issue = await issueRef(this.client, ticket.id);
    if (issue) {
      const stateId = await this.reviewState();
      if (stateId) await this.client.updateIssue(issue.id, { stateId });
      await this.comment(issue.id, `Pull request for review, opened by selfheal's Skynet: ${prUrl}`);
    }
    return this.warehouse.updateTicket(ticket.id, inReviewFields(ticket, prUrl));
  }

  /** Linear's completion time of the issue, while it is in a completed state. */
  async doneAt(ticket: Ticket): Promise<string | null> {
    const issue = await issueRef(this.client, ticket.id);
    return issue && statusOf(issue.state?.type) === "done" ? issue.completedAt ?? null : null;
  }

  /** The issue moves back to the team's Todo (else backlog) with the evidence as a comment; the mirror follows. */
  async reopen(ticket: Ticket, note: string): Promise<Ticket> {
    const issue = await issueRef(this.client, ticket.id);
    if (!issue) throw new Error(`Linear has no issue ${ticket.id} to reopen`);
    const stateId = await this.reopenState();
    if (stateId) await this.client.updateIssue(issue.id, { stateId });
    await this.comment(issue.id, note);
    return this.warehouse.updateTicket(ticket.id, reopenedFields(ticket, note));
  }

  /**
   * A comment on the issue, made once: it is looked for first (a run killed after the comment and before
   * its checkpoint makes the same call on resume), and a create whose reply was lost is looked for
   * before it is sent again.
   */
  private async comment(issueId: string, body: string): Promise<string> {
    const made = await commentOn(this.client, issueId, body);
    if (made) return made;
    return createOnce(
      async () => {
        const payload = await this.client.createComment({ issueId, body });
        if (!payload.success || !payload.commentId) throw new Error(`Linear did not create the comment on issue ${issueId}`);
        return payload.commentId;
      },
      () => commentOn(this.client, issueId, body),
      this.opts.retry ?? NO_RETRY,
    );
  }

  /** The warehouse's copy of the pattern's issue, brought up to date with Linear (or adopted from it). */
  private async sync(p: TicketProposal): Promise<{ mirror: Ticket | null; issue: LinearIssueRef | null }> {
    let mirror = await this.warehouse.ticketByFingerprint(p.fingerprint);
    const issue = mirror ? await issueRef(this.client, mirror.id) : await issueByMarker(this.client, await this.team(), marker(p.fingerprint));
    if (!issue) return { mirror: null, issue: null };
    const status = statusOf(issue.state?.type);
    if (!mirror) {
      // Adopted: what the issue says is unknown, so the count is 0 and the next filing refreshes it.
      mirror = await this.warehouse.insertTicket({ ...ticketFields(p), id: issue.identifier, url: issue.url, priority: issue.priority || p.priority, status, sessions: 0 });
    } else if (mirror.status !== status) {
      mirror = await this.warehouse.updateTicket(mirror.id, { status });
    }
    return { mirror, issue };
  }

  /** A create whose reply was lost may have made the issue: its marker finds it before a second create would make a twin. */
  private async create(p: TicketProposal): Promise<Ticket> {
    const input = { teamId: await this.team(), title: p.title, description: this.description(p), priority: p.priority, labelIds: await this.labelIds(p.labels) };
    const issue = await createOnce(
      async () => {
        const payload = await this.client.createIssue(input);
        const issueId = payload.issueId;
        if (!payload.success || !issueId) throw new Error(`Linear did not create the issue for pattern ${p.fingerprint}`);
        const made = await issueRef(this.client, issueId);
        if (!made) throw new Error(`Linear created issue ${issueId} but cannot find it`);
        return made;
      },
      async () => issueByMarker(this.client, await this.team(), marker(p.fingerprint)),
      this.opts.retry ?? NO_RETRY,
    );
    return this.warehouse.insertTicket({ ...ticketFields(p), id: issue.identifier, url: issue.url, status: "open" });
  }

  /** The labels' ids, creating on the team those that do not exist yet. */
  private async labelIds(names: string[]): Promise<string[]> {
    const team = await this.team();
    const wanted = [...new Set(names.filter(Boolean))];
    const existing = await labelsByName(this.client, wanted, team);
    const ids: string[] = [];
    for (const name of wanted) {
      let id = existing.get(name.toLowerCase());
      id ??= await createOnce(
        async () => (await this.client.createIssueLabel({ name, teamId: team })).issueLabelId ?? null,
        async () => (await labelsByName(this.client, [name], team)).get(name.toLowerCase()) ?? null,
        this.opts.retry ?? NO_RETRY,
      ) ?? undefined;
      if (id) ids.push(id);
    }
    return ids;
  }

  /** The team's first "unstarted" state (Todo), else its backlog: where a reopened issue goes. */
  private async reopenState(): Promise<string | null> {
    const rank = (s: { type: string }): number => ["unstarted", "backlog", "triage"].indexOf(s.type);
    return (await this.firstState(rank))?.id ?? null;
  }

  /** A started state named for review ("In Review"), else the team's first started state. */
  private async reviewState(): Promise<string | null> {
    const rank = (s: { type: string; name: string }): number => (s.type !== "started" ? -1 : /review/i.test(s.name) ? 0 : 1);
    return (await this.firstState(rank))?.id ?? null;
  }

  /** The team's workflow state ranked first (lowest non-negative rank, then Linear's position). */
  private async firstState(rank: (s: { type: string; name: string }) => number): Promise<{ id: string } | null> {
    const states = await this.client.workflowStates({ filter: { team: { id: { eq: await this.team() } } } });
    const usable = states.nodes.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b) || a.position - b.position);
    return usable[0] ?? null;
  }

  private async team(): Promise<string> {
    this.teamIdCache ??= await teamId(this.client, this.opts.team);
    return this.teamIdCache;
  }

  /** The body, a link back to the pattern, and the marker that makes the issue findable by fingerprint. */
  private description(p: TicketProposal): string {
    const link = this.opts.patternUrl
      ? `[Pattern ${p.fingerprint}](${this.opts.patternUrl.replaceAll("{fingerprint}", p.fingerprint).replaceAll("{week}", p.week ?? "")})`
      : `Pattern \`${p.fingerprint}\`${p.week ? ` (${p.week}; \`selfheal triage --week ${p.week} --json\`)` : ""}`;
    return `${p.body}\n\n${link}\n\n${marker(p.fingerprint)}`;
  }
}

function marker(fingerprint: string): string {
  return `selfheal-pattern:${fingerprint}`;
}
