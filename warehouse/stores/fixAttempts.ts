import type { FixAttempt } from "../../state/ticket.js";

/** Skynet's attempts, one per ticket (the latest). */
export interface FixAttemptStore {
  /** Upserts by ticket; refused for a ticket that is not stored. */
  saveFixAttempt(attempt: FixAttempt): Promise<void>;
  fixAttempt(ticketId: string): Promise<FixAttempt | null>;
  /** Oldest first. */
  listFixAttempts(): Promise<FixAttempt[]>;
}
