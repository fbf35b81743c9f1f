import { FailurePattern } from "../../state/pattern.js";
import type { PatternStore } from "../stores/patterns.js";
import type { PgConnection } from "./connection.js";

export function postgresPatterns(pg: PgConnection): PatternStore {
  return {
    async savePatterns(week: string, patterns: FailurePattern[]): Promise<void> {
      const parsed = patterns.map((p) => FailurePattern.parse(p));
      await pg.transaction(async (client) => {
        await client.query(`DELETE FROM patterns WHERE week = $1`, [week]);
        if (parsed.length === 0) return;
        await client.query(
          `INSERT INTO patterns (week, fingerprint, kind, decision, sessions, pattern)
           SELECT $1, f, k, d, s, p FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS x(f, k, d, s, p)`,
          [week, parsed.map((p) => p.fingerprint), parsed.map((p) => p.kind), parsed.map((p) => p.decision), parsed.map((p) => p.sessions), parsed.map((p) => JSON.stringify(p))],
        );
      });
    },
    async listPatterns(week: string): Promise<FailurePattern[]> {
      const rows = await pg.query<{ pattern: string }>(`SELECT pattern FROM patterns WHERE week = $1 ORDER BY sessions DESC, fingerprint`, [week]);
      return rows.map((row) => FailurePattern.parse(JSON.parse(row.pattern)));
    },
  };
}
