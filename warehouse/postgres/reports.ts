import type pg from "pg";
import { SessionReport } from "../../state/report.js";
import type { ReportStore, SessionRange } from "../stores/reports.js";
import type { PgConnection } from "./connection.js";
import { now } from "./rows.js";

type Unreported = { analystVersion: string; week?: string; range?: SessionRange; limit?: number };

/** The WHERE clause of "sessions without a current report", with its parameters from $1. */
export function unreportedWhere(opts: Unreported): { where: string; params: unknown[] } {
  const params: unknown[] = [opts.analystVersion];
  const where = [`NOT EXISTS (SELECT 1 FROM session_reports r WHERE r.session_id = s.id AND r.analyst_version = $1 AND NOT r.stale)`];
  if (opts.week) where.push(`s.week = $${params.push(opts.week)}`);
  if (opts.range) where.push(`s.id BETWEEN $${params.push(opts.range.fromId)} AND $${params.push(opts.range.toId)}`);
  return { where: where.join(" AND "), params };
}

export function postgresReports(pg: PgConnection): ReportStore {
  return {
    async sessionsWithoutReport(opts: Unreported): Promise<string[]> {
      const { where, params } = unreportedWhere(opts);
      const limit = opts.limit ? ` LIMIT $${params.push(opts.limit)}` : "";
      const rows = await pg.query<{ id: string }>(`SELECT s.id FROM sessions s WHERE ${where} ORDER BY s.id${limit}`, params);
      return rows.map((r) => r.id);
    },
    async saveReports(reports: SessionReport[]): Promise<void> {
      const parsed = reports.map((r) => SessionReport.parse(r)); // all validated before any is written
      if (parsed.length > 0) await pg.transaction((client) => upsertReports(client, parsed));
    },
    async listReports(opts: { week?: string; analystVersion?: string } = {}): Promise<SessionReport[]> {
      const params: unknown[] = [];
      const where = ["true"];
      if (opts.week) where.push(`s.week = $${params.push(opts.week)}`);
      if (opts.analystVersion) where.push(`r.analyst_version = $${params.push(opts.analystVersion)}`);
      const rows = await pg.query<{ report: string }>(
        `SELECT r.report FROM session_reports r JOIN sessions s ON s.id = r.session_id WHERE ${where.join(" AND ")} ORDER BY s.started_at, r.session_id`,
        params,
      );
      return rows.map((row) => SessionReport.parse(JSON.parse(row.report)));
    },
  };
}

/** Upserts validated reports in one statement on the caller's transaction; a saved report is current again. */
export async function upsertReports(client: pg.PoolClient, all: SessionReport[]): Promise<void> {
  // One statement may not update a row twice: of two reports of one key, the later wins (as SQLite's loop does).
  const reports = [...new Map(all.map((r) => [`${r.sessionId}\u0000${r.analystVersion}`, r])).values()];
  await client.query(
    `INSERT INTO session_reports (session_id, analyst_version, analyst, score, outcome, department, report, stale, created_at)
     SELECT s, v, a, sc, o, d, r, false, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS x(s, v, a, sc, o, d, r)
     ON CONFLICT (session_id, analyst_version) DO UPDATE SET analyst = excluded.analyst, score = excluded.score,
       outcome = excluded.outcome, department = excluded.department, report = excluded.report, stale = false,
       created_at = excluded.created_at`,
    [
      reports.map((r) => r.sessionId),
      reports.map((r) => r.analystVersion),
      reports.map((r) => r.analyst),
      reports.map((r) => r.score),
      reports.map((r) => r.outcome),
      reports.map((r) => r.department),
      reports.map((r) => JSON.stringify(r)),
      now(),
    ],
  );
}
