import type { SessionReport } from "../../state/report.js";

/** Which sessions have no current report of an analyst version. */
export interface UnreportedQuery {
  analystVersion: string;
  /** The week's sessions only (all sessions when absent). */
  week?: string;
  range?: SessionRange;
  limit?: number;
  /**
   * The cascade: leave out sessions whose current report of this other analyst version is at least this
   * confident (the rules' report stands for them).
   */
  unlessConfident?: { analystVersion: string; atLeast: number };
}

export interface SessionRange {
  /** First and last session id of the range, inclusive, in id order. */
  fromId: string;
  toId: string;
}

/** SessionReports, keyed by (session, analyst version). */
export interface ReportStore {
  /**
   * Ids of the week's sessions (all sessions when week is absent), in id order, with no current report
   * of this analyst version (none, or one gone stale because its session grew).
   */
  sessionsWithoutReport(opts: UnreportedQuery): Promise<string[]>;
  /**
   * Claims the sessions sessionsWithoutReport finds that no other worker holds, and holds them while
   * `work` scores them (saving with saveReports), so workers sharing a warehouse never score a session
   * twice. Postgres: row locks taken with FOR UPDATE SKIP LOCKED, released when `work` ends or its
   * process dies. SQLite (one process): the sessions, unclaimed.
   */
  claimUnreported<T>(opts: UnreportedQuery, work: (sessionIds: string[]) => Promise<T>): Promise<T>;
  /** Upserts by (session, analyst version), all or none; a saved report is current again. */
  saveReports(reports: SessionReport[]): Promise<void>;
  /** In session start order. */
  listReports(opts?: { week?: string; analystVersion?: string }): Promise<SessionReport[]>;
}
