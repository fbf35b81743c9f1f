import type { Ticket, TicketStatus } from "../../state/ticket.js";

export type NewTicket = Omit<Ticket, "id" | "url" | "createdAt" | "updatedAt"> & { id?: string; url?: string };

/** Tickets, one per pattern fingerprint. */
export interface TicketStore {
  /**
   * Stores a ticket; without an id it gets the warehouse's next local id (state/ticketId.ts), unique
   * to this warehouse. A second ticket for a stored fingerprint is refused.
   */
  insertTicket(ticket: NewTicket): Promise<Ticket>;
  /** Throws naming the id when there is no such ticket. */
  updateTicket(id: string, patch: Partial<Omit<Ticket, "id" | "createdAt">>): Promise<Ticket>;
  ticket(id: string): Promise<Ticket | null>;
  ticketByFingerprint(fingerprint: string): Promise<Ticket | null>;
  /** In filing order. */
  listTickets(opts?: { status?: TicketStatus[] }): Promise<Ticket[]>;
}
