import type { FailureStore, NewSessionFailure, SessionFailure } from "../stores/failures.js";
import type { PgConnection } from "./connection.js";
import { now } from "../rows.js";

export function postgresFailures(pg: PgConnection): FailureStore {
  return {
    async recordFailures(failures: NewSessionFailure[]): Promise<void> {
      if (failures.length === 0) return;
      // One statement may not update a row twice: of two failures of one key, the later wins.
      const latest = [...new Map(failures.map((f) => [`${f.sessionId}\u0000${f.analystVersion}`, f])).values()];
      await pg.query(
        `INSERT INTO session_failures (session_id, analyst_version, reason, failures, retries, failed_at)
         SELECT s, v, r, 1, n, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS x(s, v, r, n)
         ON CONFLICT (session_id, analyst_version) DO UPDATE SET reason = excluded.reason, failures = session_failures.failures + 1,
           retries = excluded.retries, failed_at = excluded.failed_at`,
        [latest.map((f) => f.sessionId), latest.map((f) => f.analystVersion), latest.map((f) => f.reason), latest.map((f) => f.retries), now()],
      );
    },

    async listFailures(opts: { week?: string; analystVersion?: string } = {}): Promise<SessionFailure[]> {
      return pg.query<SessionFailure>(
        `SELECT f.session_id AS "sessionId", f.analyst_version AS "analystVersion", f.reason, f.failures, f.retries, f.failed_at AS "failedAt"
         FROM session_failures f JOIN sessions s ON s.id = f.session_id
         WHERE ($1::text IS NULL OR s.week = $1) AND ($2::text IS NULL OR f.analyst_version = $2)
         ORDER BY f.session_id, f.analyst_version`,
        [opts.week ?? null, opts.analystVersion ?? null],
      );
    },
  };
}
