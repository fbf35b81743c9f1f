import type Database from "better-sqlite3";
import { SessionReport } from "../../state/report.js";
import { pageOf, type ReportCursor, type ReportPage, type ReportQuery, type ReportStore, type UnreportedQuery } from "../stores/reports.js";
import { now } from "../rows.js";

export function sqliteReports(db: Database.Database): ReportStore {
  const store: ReportStore = {
    async sessionsWithoutReport(opts: UnreportedQuery): Promise<string[]> {
      const where: string[] = [`NOT EXISTS (SELECT 1 FROM session_reports r WHERE r.session_id = s.id AND r.analyst_version = @version AND r.stale = 0)`];
      if (opts.week) where.push(`s.week = @week`);
      if (opts.range) where.push(`s.id BETWEEN @fromId AND @toId`);
      if (opts.unlessConfident) {
        where.push(`NOT EXISTS (SELECT 1 FROM session_reports c WHERE c.session_id = s.id AND c.analyst_version = @confidentVersion AND c.stale = 0 AND c.confidence >= @atLeast)`);
      }
      const sql = `SELECT s.id FROM sessions s WHERE ${where.join(" AND ")} ORDER BY s.id${opts.limit ? " LIMIT @limit" : ""}`;
      const { analystVersion: confidentVersion, atLeast } = opts.unlessConfident ?? {};
      const rows = db.prepare(sql).all({ version: opts.analystVersion, week: opts.week, fromId: opts.range?.fromId, toId: opts.range?.toId, limit: opts.limit, confidentVersion, atLeast }) as { id: string }[];
      return rows.map((r) => r.id);
    },
    async claimUnreported<T>(opts: UnreportedQuery, work: (sessionIds: string[]) => Promise<T>): Promise<T> {
      return work(await store.sessionsWithoutReport(opts));
    },

    async saveReports(reports: SessionReport[]): Promise<void> {
      const upsert = db.prepare(
        `INSERT INTO session_reports (session_id, analyst_version, analyst, score, outcome, department, confidence, report, stale, created_at)
         VALUES (@sessionId, @analystVersion, @analyst, @score, @outcome, @department, @confidence, @report, 0, @createdAt)
         ON CONFLICT(session_id, analyst_version) DO UPDATE SET analyst = excluded.analyst, score = excluded.score,
           outcome = excluded.outcome, department = excluded.department, confidence = excluded.confidence, report = excluded.report, stale = 0,
           created_at = excluded.created_at`,
      );
      // A scored session's failure of that version no longer explains anything.
      const clearFailure = db.prepare(`DELETE FROM session_failures WHERE session_id = ? AND analyst_version = ?`);
      const stamp = now();
      db.transaction(() => {
        for (const r of reports) {
          const report = SessionReport.parse(r);
          upsert.run({ ...report, confidence: report.confidence ?? null, report: JSON.stringify(report), createdAt: stamp });
          clearFailure.run(report.sessionId, report.analystVersion);
        }
      })();
    },

    async listReports(opts: ReportQuery = {}): Promise<SessionReport[]> {
      const where: string[] = ["1 = 1"];
      if (opts.week) where.push(`s.week = @week`);
      if (opts.analystVersion) where.push(`r.analyst_version = @version`);
      const rows = db
        .prepare(`SELECT r.report FROM session_reports r JOIN sessions s ON s.id = r.session_id WHERE ${where.join(" AND ")} ORDER BY s.started_at, r.session_id`)
        .all({ week: opts.week, version: opts.analystVersion }) as { report: string }[];
      return rows.map((row) => SessionReport.parse(JSON.parse(row.report)));
    },

    async listReportPage(opts: ReportQuery & { after?: ReportCursor | null; limit: number }): Promise<ReportPage> {
      const where: string[] = ["1 = 1"];
      if (opts.week) where.push(`s.week = @week`);
      if (opts.analystVersion) where.push(`r.analyst_version = @version`);
      if (opts.after) where.push(`(s.started_at, r.session_id) > (@afterAt, @afterId)`);
      const rows = db
        .prepare(
          `SELECT r.report, s.started_at AS startedAt FROM session_reports r JOIN sessions s ON s.id = r.session_id WHERE ${where.join(" AND ")} ORDER BY s.started_at, r.session_id LIMIT @limit`,
        )
        .all({ week: opts.week, version: opts.analystVersion, afterAt: opts.after?.startedAt, afterId: opts.after?.sessionId, limit: opts.limit }) as { report: string; startedAt: string }[];
      return pageOf(rows, opts.limit);
    },
  };
  return store;
}
