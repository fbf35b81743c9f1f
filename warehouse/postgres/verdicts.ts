import { FixVerdict } from "../../state/verdict.js";
import type { VerdictStore } from "../stores/verdicts.js";
import type { PgConnection } from "./connection.js";

export function postgresVerdicts(pg: PgConnection): VerdictStore {
  return {
    async saveVerdicts(verdicts: FixVerdict[]): Promise<void> {
      const parsed = verdicts.map((x) => FixVerdict.parse(x));
      await pg.transaction(async (client) => {
        for (const v of parsed) {
          await client.query(
            `INSERT INTO fix_verdicts (ticket_id, as_of, shipped_at, verdict, checked) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (ticket_id, as_of) DO UPDATE SET shipped_at = excluded.shipped_at, verdict = excluded.verdict, checked = excluded.checked`,
            [v.ticketId, v.asOf, v.shippedAt, v.verdict, JSON.stringify(v)],
          );
        }
      });
    },

    async listVerdicts(opts: { ticketId?: string; asOf?: string; before?: string } = {}): Promise<FixVerdict[]> {
      const rows = await pg.query<{ checked: string }>(
        `SELECT checked FROM fix_verdicts
         WHERE ($1::text IS NULL OR ticket_id = $1) AND ($2::text IS NULL OR as_of = $2) AND ($3::text IS NULL OR as_of < $3)
         ORDER BY as_of, ticket_id`,
        [opts.ticketId ?? null, opts.asOf ?? null, opts.before ?? null],
      );
      return rows.map((row) => FixVerdict.parse(JSON.parse(row.checked)));
    },
  };
}
