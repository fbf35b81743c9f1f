import type Database from "better-sqlite3";
import { FixVerdict } from "../../state/verdict.js";
import type { VerdictStore } from "../stores/verdicts.js";

export function sqliteVerdicts(db: Database.Database): VerdictStore {
  return {
    async saveVerdicts(verdicts: FixVerdict[]): Promise<void> {
      const upsert = db.prepare(
        `INSERT INTO fix_verdicts (ticket_id, as_of, shipped_at, verdict, checked) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(ticket_id, as_of) DO UPDATE SET shipped_at = excluded.shipped_at, verdict = excluded.verdict, checked = excluded.checked`,
      );
      db.transaction(() => {
        for (const v of verdicts.map((x) => FixVerdict.parse(x))) upsert.run(v.ticketId, v.asOf, v.shippedAt, v.verdict, JSON.stringify(v));
      })();
    },

    async listVerdicts(opts: { ticketId?: string; asOf?: string; before?: string } = {}): Promise<FixVerdict[]> {
      const rows = db
        .prepare(
          `SELECT checked FROM fix_verdicts
           WHERE (@ticketId IS NULL OR ticket_id = @ticketId) AND (@asOf IS NULL OR as_of = @asOf) AND (@before IS NULL OR as_of < @before)
           ORDER BY as_of, ticket_id`,
        )
        .all({ ticketId: opts.ticketId ?? null, asOf: opts.asOf ?? null, before: opts.before ?? null }) as { checked: string }[];
      return rows.map((row) => FixVerdict.parse(JSON.parse(row.checked)));
    },
  };
}
