import type Database from "better-sqlite3";
import type { FailureStore, NewSessionFailure, SessionFailure } from "../stores/failures.js";
import { now } from "../rows.js";

export function sqliteFailures(db: Database.Database): FailureStore {
  return {
    async recordFailures(failures: NewSessionFailure[]): Promise<void> {
      const upsert = db.prepare(
        `INSERT INTO session_failures (session_id, analyst_version, reason, failures, retries, failed_at) VALUES (@sessionId, @analystVersion, @reason, 1, @retries, @failedAt)
         ON CONFLICT(session_id, analyst_version) DO UPDATE SET reason = excluded.reason, failures = session_failures.failures + 1,
           retries = excluded.retries, failed_at = excluded.failed_at`,
      );
      const failedAt = now();
      db.transaction(() => {
        for (const f of failures) upsert.run({ ...f, failedAt });
      })();
    },

    async listFailures(opts: { week?: string; analystVersion?: string } = {}): Promise<SessionFailure[]> {
      return db
        .prepare(
          `SELECT f.session_id AS sessionId, f.analyst_version AS analystVersion, f.reason, f.failures, f.retries, f.failed_at AS failedAt
           FROM session_failures f JOIN sessions s ON s.id = f.session_id
           WHERE (@week IS NULL OR s.week = @week) AND (@version IS NULL OR f.analyst_version = @version)
           ORDER BY f.session_id, f.analyst_version`,
        )
        .all({ week: opts.week ?? null, version: opts.analystVersion ?? null }) as SessionFailure[];
    },
  };
}
