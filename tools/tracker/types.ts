import type { CodeLocation, PatternKind } from "../../state/pattern.js";
import type { Ticket } from "../../state/ticket.js";

/** What the PM asks a tracker to file for one pattern. */
export interface TicketProposal {
  fingerprint: string;
  title: string;
  body: string;
  kind: PatternKind;
  priority: number;
  labels: string[];
  sessions: number;
  codeLocations: CodeLocation[];
  /** Week of the pattern, for the ticket's link back to it and the reopening note. */
  week?: string;
}

export type FileAction = "created" | "updated" | "reopened" | "unchanged";

/**
 * A ticket tracker. `file` is idempotent by fingerprint: a pattern with an open ticket updates it, a
 * fixed one that recurs is reopened, and no pattern ever gets a twin.
 */
export interface Tracker {
  readonly kind: "local" | "linear";
  /** What filing would do, after bringing the warehouse's copy of the pattern's ticket up to date. */
  plan(proposal: TicketProposal): Promise<FileAction>;
  file(proposal: TicketProposal): Promise<{ ticket: Ticket; action: FileAction }>;
  /** A pull request for the ticket is open for review: the ticket moves to review, with the link. */
  markInReview(ticket: Ticket, prUrl: string): Promise<Ticket>;
  /** When the tracker marked the ticket done (ISO time); null while it is not done. */
  doneAt(ticket: Ticket): Promise<string | null>;
  /** A shipped fix did not hold: the ticket opens again, with the evidence as a note (a comment in Linear). */
  reopen(ticket: Ticket, note: string): Promise<Ticket>;
}
