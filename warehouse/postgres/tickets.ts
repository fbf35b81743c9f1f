import { Ticket, type TicketStatus } from "../../state/ticket.js";
import { localTicketId, localTicketUrl } from "../../state/ticketId.js";
import type { NewTicket, TicketStore } from "../stores/tickets.js";
import type { PgConnection } from "./connection.js";
import { now } from "../rows.js";

export function postgresTickets(pg: PgConnection, schema: string): TicketStore {
  const byId = async (id: string): Promise<Ticket | null> => {
    const rows = await pg.query<{ ticket: string }>(`SELECT ticket FROM tickets WHERE id = $1`, [id]);
    return rows[0] ? Ticket.parse(JSON.parse(rows[0].ticket)) : null;
  };
  return {
    async insertTicket(input: NewTicket): Promise<Ticket> {
      return pg.transaction(async (client) => {
        // Filing takes turns per warehouse, so two processes never draw the same number.
        await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`selfheal-tickets:${schema}`]);
        const stamp = now();
        const seq = (await client.query<{ next: number }>(`SELECT coalesce(max(seq), 0) + 1 AS next FROM tickets`)).rows[0]?.next ?? 1;
        const key = (await client.query<{ value: string }>(`SELECT value FROM warehouse_meta WHERE key = 'ticket_key'`)).rows[0]?.value;
        if (!key) throw new Error("the warehouse has no ticket key");
        const id = input.id ?? localTicketId(key, seq);
        const ticket = Ticket.parse({ ...input, id, url: input.url ?? localTicketUrl(id), createdAt: stamp, updatedAt: stamp });
        await client.query(`INSERT INTO tickets (seq, id, fingerprint, status, ticket, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`, [seq, id, ticket.fingerprint, ticket.status, JSON.stringify(ticket), stamp]);
        return ticket;
      });
    },
    async updateTicket(id: string, patch: Partial<Omit<Ticket, "id" | "createdAt">>): Promise<Ticket> {
      return pg.transaction(async (client) => {
        const row = (await client.query<{ ticket: string }>(`SELECT ticket FROM tickets WHERE id = $1 FOR UPDATE`, [id])).rows[0];
        if (!row) throw new Error(`no ticket ${id}`);
        const ticket = Ticket.parse({ ...Ticket.parse(JSON.parse(row.ticket)), ...patch, id, updatedAt: now() });
        await client.query(`UPDATE tickets SET status = $1, fingerprint = $2, ticket = $3, updated_at = $4 WHERE id = $5`, [ticket.status, ticket.fingerprint, JSON.stringify(ticket), ticket.updatedAt, id]);
        return ticket;
      });
    },
    async ticket(id: string): Promise<Ticket | null> {
      return byId(id);
    },
    async ticketByFingerprint(fingerprint: string): Promise<Ticket | null> {
      const rows = await pg.query<{ ticket: string }>(`SELECT ticket FROM tickets WHERE fingerprint = $1`, [fingerprint]);
      return rows[0] ? Ticket.parse(JSON.parse(rows[0].ticket)) : null;
    },
    async listTickets(opts: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
      const rows = await pg.query<{ ticket: string; status: string }>(`SELECT ticket, status FROM tickets ORDER BY seq`);
      return rows.filter((row) => !opts.status || opts.status.includes(row.status as TicketStatus)).map((row) => Ticket.parse(JSON.parse(row.ticket)));
    },
  };
}
