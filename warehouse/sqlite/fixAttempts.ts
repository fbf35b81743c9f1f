import type Database from "better-sqlite3";
import { FixAttempt } from "../../state/ticket.js";
import type { FixAttemptStore } from "../stores/fixAttempts.js";

export function sqliteFixAttempts(db: Database.Database): FixAttemptStore {
  return {
    async saveFixAttempt(attempt: FixAttempt): Promise<void> {
      const a = FixAttempt.parse(attempt);
      db.prepare(
        `INSERT INTO fix_attempts (ticket_id, status, attempt, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(ticket_id) DO UPDATE SET status = excluded.status, attempt = excluded.attempt`,
      ).run(a.ticketId, a.status, JSON.stringify(a), a.createdAt);
    },

    async fixAttempt(ticketId: string): Promise<FixAttempt | null> {
      const row = db.prepare(`SELECT attempt FROM fix_attempts WHERE ticket_id = ?`).get(ticketId) as { attempt: string } | undefined;
      return row ? FixAttempt.parse(JSON.parse(row.attempt)) : null;
    },

    async listFixAttempts(): Promise<FixAttempt[]> {
      const rows = db.prepare(`SELECT attempt FROM fix_attempts ORDER BY created_at, ticket_id`).all() as { attempt: string }[];
      return rows.map((row) => FixAttempt.parse(JSON.parse(row.attempt)));
    },
  };
}
