import type { SessionReport } from "../../state/report.js";

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
  sessionsWithoutReport(opts: { analystVersion: string; week?: string; range?: SessionRange; limit?: number }): Promise<string[]>;
  /** Upserts by (session, analyst version), all or none; a saved report is current again. */
  saveReports(reports: SessionReport[]): Promise<void>;
  /** In session start order. */
  listReports(opts?: { week?: string; analystVersion?: string }): Promise<SessionReport[]>;
}
