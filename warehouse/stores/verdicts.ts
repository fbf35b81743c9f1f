import type { FixVerdict } from "../../state/verdict.js";

/** Verdicts on shipped fixes, one per (ticket, end of the data checked). */
export interface VerdictStore {
  /** Upserts by (ticket, asOf), all or none; refused for a ticket that is not stored. */
  saveVerdicts(verdicts: FixVerdict[]): Promise<void>;
  /** Oldest check first; `asOf` keeps the checks of that data end, `before` those of an earlier one. */
  listVerdicts(opts?: { ticketId?: string; asOf?: string; before?: string }): Promise<FixVerdict[]>;
}
