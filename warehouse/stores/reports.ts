import { SessionReport } from "../../state/report.js";

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

/** Where a page of listReports' order ends: the last report's session start and id. */
export interface ReportCursor {
  startedAt: string;
  sessionId: string;
}

/** Reports of a week (all weeks when absent), of one analyst version (all when absent). */
export interface ReportQuery {
  week?: string;
  analystVersion?: string;
}

/** One page of reports in listReports' order, and the cursor after it (null after the last page). */
export interface ReportPage {
  reports: SessionReport[];
  /** Each report's session start, in step with reports. */
  startedAt: string[];
  next: ReportCursor | null;
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
  listReports(opts?: ReportQuery): Promise<SessionReport[]>;
  /** At most `limit` reports in listReports' order, after `after` (from the start when absent). */
  listReportPage(opts: ReportQuery & { after?: ReportCursor | null; limit: number }): Promise<ReportPage>;
}

/** A page from its rows (a report's JSON and its session's start), parsed; a short page is the last. */
export function pageOf(rows: { report: string; startedAt: string }[], limit: number): ReportPage {
  const reports = rows.map((row) => SessionReport.parse(JSON.parse(row.report)));
  const last = rows.at(-1);
  const lastReport = reports.at(-1);
  return { reports, startedAt: rows.map((row) => row.startedAt), next: rows.length < limit || !last || !lastReport ? null : { startedAt: last.startedAt, sessionId: lastReport.sessionId } };
}
