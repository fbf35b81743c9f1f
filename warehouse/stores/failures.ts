/** A session the gatherer could not score under one analyst version, and why (its latest failure). */
export interface SessionFailure {
  sessionId: string;
  analystVersion: string;
  reason: string;
  /** Runs in which this session failed under this version, this one included. */
  failures: number;
  /** Model retries of the latest failure (0 for the rules). */
  retries: number;
  failedAt: string;
}

export type NewSessionFailure = Pick<SessionFailure, "sessionId" | "analystVersion" | "reason" | "retries">;

/**
 * Why sessions have no report: one row per (session, analyst version), the latest failure. saveReports
 * removes a session's row of the version it saves, in the same transaction, so a row means "still unscored".
 */
export interface FailureStore {
  /** Upserts by (session, analyst version), all or none: the reason and retries are replaced, `failures` counts up. */
  recordFailures(failures: NewSessionFailure[]): Promise<void>;
  /** In session id order; of one week's sessions, or one analyst version, when asked. */
  listFailures(opts?: { week?: string; analystVersion?: string }): Promise<SessionFailure[]>;
}
