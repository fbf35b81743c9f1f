import type Database from "better-sqlite3";
import { Ticket, type TicketStatus } from "../../state/ticket.js";
import { localTicketId, localTicketUrl } from "../../state/ticketId.js";
import type { NewTicket, TicketStore } from "../stores/tickets.js";
import { now } from "../rows.js";

export function sqliteTickets(db: Database.Database): TicketStore {
  const byId = (id: string): Ticket | null => {
    const row = db.prepare(`SELECT ticket FROM tickets WHERE id = ?`).get(id) as { ticket: string } | undefined;
    return row ? Ticket.parse(JSON.parse(row.ticket)) : null;
  };
  return {
    async insertTicket(input: NewTicket): Promise<Ticket> {
      return db.transaction((): Ticket => {
        const stamp = now();
        const seq = (db.prepare(`SELECT coalesce(max(seq), 0) + 1 AS next FROM tickets`).get() as { next: number }).next;
        const key = (db.prepare(`SELECT value FROM warehouse_meta WHERE key = 'ticket_key'`).get() as { value: string }).value;
        const id = input.id ?? localTicketId(key, seq);
        const ticket = Ticket.parse({ ...input, id, url: input.url ?? localTicketUrl(id), createdAt: stamp, updatedAt: stamp });
        db.prepare(`INSERT INTO tickets (seq, id, fingerprint, status, ticket, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(seq, id, ticket.fingerprint, ticket.status, JSON.stringify(ticket), stamp);
        return ticket;
      })();
    },

    async updateTicket(id: string, patch: Partial<Omit<Ticket, "id" | "createdAt">>): Promise<Ticket> {
      return db.transaction((): Ticket => {
        const stored = byId(id);
        if (!stored) throw new Error(`no ticket ${id}`);
        const ticket = Ticket.parse({ ...stored, ...patch, id, updatedAt: now() });
        db.prepare(`UPDATE tickets SET status = ?, fingerprint = ?, ticket = ?, updated_at = ? WHERE id = ?`).run(ticket.status, ticket.fingerprint, JSON.stringify(ticket), ticket.updatedAt, id);
        return ticket;
      })();
    },

    async ticket(id: string): Promise<Ticket | null> {
      return byId(id);
    },

    async ticketByFingerprint(fingerprint: string): Promise<Ticket | null> {
      const row = db.prepare(`SELECT ticket FROM tickets WHERE fingerprint = ?`).get(fingerprint) as { ticket: string } | undefined;
      return row ? Ticket.parse(JSON.parse(row.ticket)) : null;
    },

    async listTickets(opts: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
      const rows = db.prepare(`SELECT ticket, status FROM tickets ORDER BY seq`).all() as { ticket: string; status: string }[];
      return rows.filter((row) => !opts.status || opts.status.includes(row.status as TicketStatus)).map((row) => Ticket.parse(JSON.parse(row.ticket)));
    },
  };
}
