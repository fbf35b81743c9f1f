import { FixAttempt } from "../../state/ticket.js";
import type { FixAttemptStore } from "../stores/fixAttempts.js";
import type { PgConnection } from "./connection.js";

export function postgresFixAttempts(pg: PgConnection): FixAttemptStore {
  return {
    async saveFixAttempt(attempt: FixAttempt): Promise<void> {
      const a = FixAttempt.parse(attempt);
      await pg.query(
        `INSERT INTO fix_attempts (ticket_id, status, attempt, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (ticket_id) DO UPDATE SET status = excluded.status, attempt = excluded.attempt`,
        [a.ticketId, a.status, JSON.stringify(a), a.createdAt],
      );
    },
    async fixAttempt(ticketId: string): Promise<FixAttempt | null> {
      const rows = await pg.query<{ attempt: string }>(`SELECT attempt FROM fix_attempts WHERE ticket_id = $1`, [ticketId]);
      return rows[0] ? FixAttempt.parse(JSON.parse(rows[0].attempt)) : null;
    },
    async listFixAttempts(): Promise<FixAttempt[]> {
      const rows = await pg.query<{ attempt: string }>(`SELECT attempt FROM fix_attempts ORDER BY created_at, ticket_id`);
      return rows.map((row) => FixAttempt.parse(JSON.parse(row.attempt)));
    },
  };
}
