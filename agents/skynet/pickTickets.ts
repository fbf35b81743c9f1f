import type { Warehouse } from "../../warehouse/types.js";
import type { Ticket } from "../../state/ticket.js";

/**
 * Skynet's queue: open bug tickets labelled `skynet` with a known code location, most important first.
 * A ticket already attempted is skipped, unless its attempt only lacked a model (none configured, or it
 * did not answer) and one is now there.
 */
export async function pickTickets(warehouse: Warehouse, opts: { limit: number; haveModel: boolean }): Promise<Ticket[]> {
  const open = await warehouse.listTickets({ status: ["open"] });
  const candidates = open
    .filter((t) => t.kind === "bug" && t.labels.includes("skynet") && t.codeLocations.length > 0)
    .sort((a, b) => a.priority - b.priority || b.sessions - a.sessions || a.id.localeCompare(b.id));
  const picked: Ticket[] = [];
  for (const ticket of candidates) {
    // checked first: a limit of 0 (Skynet off for the run) picks nothing
    if (picked.length >= opts.limit) break;
    const attempt = await warehouse.fixAttempt(ticket.id);
    if (!attempt || (attempt.status === "needs_model" && opts.haveModel)) picked.push(ticket);
  }
  return picked;
}
