import type { Warehouse } from "../../warehouse/types.js";
import type { Ticket } from "../../state/ticket.js";
import type { FileAction, TicketProposal, Tracker } from "./types.js";

/** The built-in tracker: tickets are rows of the warehouse. */
export class LocalTracker implements Tracker {
  readonly kind = "local" as const;

  constructor(private readonly warehouse: Warehouse) {}

  async plan(p: TicketProposal): Promise<FileAction> {
    return plannedAction(await this.warehouse.ticketByFingerprint(p.fingerprint), p);
  }

  async file(p: TicketProposal): Promise<{ ticket: Ticket; action: FileAction }> {
    const existing = await this.warehouse.ticketByFingerprint(p.fingerprint);
    if (!existing) {
      const ticket = await this.warehouse.insertTicket({ ...ticketFields(p), status: "open" });
      return { ticket, action: "created" };
    }
    const action = plannedAction(existing, p);
    if (action === "unchanged") return { ticket: existing, action };
    if (action === "reopened") {
      const note = `\n\n---\nReopened by selfheal: the pattern recurred in ${p.sessions} sessions after the ticket was closed as done.`;
      const ticket = await this.warehouse.updateTicket(existing.id, { ...ticketFields(p), body: `${p.body}${note}`, status: "open" });
      return { ticket, action };
    }
    const ticket = await this.warehouse.updateTicket(existing.id, recurringFields(existing, p));
    return { ticket, action };
  }

  markInReview(ticket: Ticket, prUrl: string): Promise<Ticket> {
    return this.warehouse.updateTicket(ticket.id, inReviewFields(ticket, prUrl));
  }

  /** A local ticket is closed by writing its row; its last update is when that happened. */
  async doneAt(ticket: Ticket): Promise<string | null> {
    const stored = await this.warehouse.ticket(ticket.id);
    return stored?.status === "done" ? stored.updatedAt : null;
  }

  reopen(ticket: Ticket, note: string): Promise<Ticket> {
    return this.warehouse.updateTicket(ticket.id, reopenedFields(ticket, note));
  }
}

/** The stored ticket's side of a reopening: open again, the note appended to its body. */
export function reopenedFields(ticket: Ticket, note: string): Pick<Ticket, "status" | "body"> {
  return { status: "open", body: `${ticket.body}\n\n---\n${note}` };
}

/** The stored ticket's side of "in review": the status, and the link in its body (once). */
export function inReviewFields(ticket: Ticket, prUrl: string): Pick<Ticket, "status" | "body"> {
  const line = `Pull request: ${prUrl}`;
  return { status: "in_review", body: ticket.body.includes(line) ? ticket.body : `${ticket.body}\n\n${line}` };
}

/** What filing this proposal would do to the ticket already filed for its pattern. */
export function plannedAction(existing: Ticket | null, p: TicketProposal): FileAction {
  if (!existing) return "created";
  if (existing.status === "canceled") return "unchanged"; // a human closed it as won't do
  if (existing.status === "done") return "reopened";
  const changed = existing.sessions !== p.sessions || p.priority < existing.priority;
  return changed ? "updated" : "unchanged";
}

/**
 * What a recurring pattern refreshes on its open ticket: the count, examples and code locations, and a
 * priority that only ever rises (1 is the highest). Title, kind and labels stay as filed: a person may
 * have edited them at the gate or in the tracker since.
 */
export function recurringFields(existing: Ticket, p: TicketProposal): Pick<Ticket, "body" | "sessions" | "codeLocations" | "priority"> {
  return { body: p.body, sessions: p.sessions, codeLocations: p.codeLocations, priority: Math.min(existing.priority, p.priority) };
}

/** The proposal's fields a stored ticket keeps. */
export function ticketFields(p: TicketProposal): Omit<TicketProposal, "week"> {
  const { week: _week, ...fields } = p;
  return fields;
}
