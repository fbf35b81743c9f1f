import type pg from "pg";
import { SessionReport } from "../../state/report.js";
import { pageOf, type ReportCursor, type ReportPage, type ReportQuery, type ReportStore, type UnreportedQuery } from "../stores/reports.js";
import type { PgConnection } from "./connection.js";
import { now } from "../rows.js";

/** The WHERE clause of "sessions without a current report", with its parameters from $1. */
export function unreportedWhere(opts: UnreportedQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [opts.analystVersion];
  const where = [`NOT EXISTS (SELECT 1 FROM session_reports r WHERE r.session_id = s.id AND r.analyst_version = $1 AND NOT r.stale)`];
  if (opts.week) where.push(`s.week = $${params.push(opts.week)}`);
  if (opts.range) where.push(`s.id BETWEEN $${params.push(opts.range.fromId)} AND $${params.push(opts.range.toId)}`);
  const confident = opts.unlessConfident;
  if (confident) {
    where.push(
      `NOT EXISTS (SELECT 1 FROM session_reports c WHERE c.session_id = s.id AND c.analyst_version = $${params.push(confident.analystVersion)} AND NOT c.stale AND c.confidence >= $${params.push(confident.atLeast)})`,
    );
  }
  return { where: where.join(" AND "), params };
}

function reportWhere(opts: ReportQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = ["true"];
  if (opts.week) where.push(`s.week = $${params.push(opts.week)}`);
  if (opts.analystVersion) where.push(`r.analyst_version = $${params.push(opts.analystVersion)}`);
  return { where: where.join(" AND "), params };
}

export function postgresReports(pg: PgConnection): ReportStore {
  return {
    async sessionsWithoutReport(opts: UnreportedQuery): Promise<string[]> {
      const { where, params } = unreportedWhere(opts);
      const limit = opts.limit ? ` LIMIT $${params.push(opts.limit)}` : "";
      const rows = await pg.query<{ id: string }>(`SELECT s.id FROM sessions s WHERE ${where} ORDER BY s.id${limit}`, params);
      return rows.map((r) => r.id);
    },
    async claimUnreported<T>(opts: UnreportedQuery, work: (sessionIds: string[]) => Promise<T>): Promise<T> {
      return holdingClaim(await pg.dedicated(), opts, work);
    },
    async saveReports(reports: SessionReport[]): Promise<void> {
      const parsed = reports.map((r) => SessionReport.parse(r)); // all validated before any is written
      if (parsed.length > 0) await pg.transaction((client) => upsertReports(client, parsed));
    },
    async listReports(opts: ReportQuery = {}): Promise<SessionReport[]> {
      const { where, params } = reportWhere(opts);
      const rows = await pg.query<{ report: string }>(
        `SELECT r.report FROM session_reports r JOIN sessions s ON s.id = r.session_id WHERE ${where} ORDER BY s.started_at, r.session_id`,
        params,
      );
      return rows.map((row) => SessionReport.parse(JSON.parse(row.report)));
    },
    async listReportPage(opts: ReportQuery & { after?: ReportCursor | null; limit: number }): Promise<ReportPage> {
      const { where, params } = reportWhere(opts);
      const after = opts.after ? ` AND (s.started_at, r.session_id) > ($${params.push(opts.after.startedAt)}, $${params.push(opts.after.sessionId)})` : "";
      const rows = await pg.query<{ report: string; startedAt: string }>(
        `SELECT r.report, s.started_at AS "startedAt" FROM session_reports r JOIN sessions s ON s.id = r.session_id WHERE ${where}${after} ORDER BY s.started_at, r.session_id LIMIT $${params.push(opts.limit)}`,
        params,
      );
      return pageOf(rows, opts.limit);
    },
  };
}

/**
 * Locks the unreported sessions no other transaction holds, runs `work` on them and releases them.
 * Reports are saved through the pool, each committed as it is written; the lock only says "mine" (NO KEY
 * UPDATE, so the reports' foreign-key checks, which take KEY SHARE on the session, do not wait for it).
 * A second look in a fresh statement drops sessions whose report another worker committed between
 * this claim's snapshot and its lock (READ COMMITTED does not re-check a row that was not updated).
 */
async function holdingClaim<T>(client: pg.Client, opts: UnreportedQuery, work: (sessionIds: string[]) => Promise<T>): Promise<T> {
  try {
    await client.query("BEGIN");
    const { where, params } = unreportedWhere(opts);
    const limit = opts.limit ? ` LIMIT $${params.push(opts.limit)}` : "";
    const locked = (await client.query<{ id: string }>(`SELECT s.id FROM sessions s WHERE ${where} ORDER BY s.id${limit} FOR NO KEY UPDATE OF s SKIP LOCKED`, params)).rows.map((r) => r.id);
    const recheck = unreportedWhere({ analystVersion: opts.analystVersion });
    const ids = `s.id = ANY($${recheck.params.push(locked)}::text[])`;
    const still = locked.length === 0 ? [] : (await client.query<{ id: string }>(`SELECT s.id FROM sessions s WHERE ${ids} AND ${recheck.where} ORDER BY s.id`, recheck.params)).rows.map((r) => r.id);
    const result = await work(still);
    await client.query("COMMIT");
    return result;
  } finally {
    await client.end(); // ends the claim (a rollback when it did not commit)
  }
}

/** Upserts validated reports in one statement on the caller's transaction; a saved report is current again and clears its failure. */
export async function upsertReports(client: pg.PoolClient, all: SessionReport[]): Promise<void> {
  // One statement may not update a row twice: of two reports of one key, the later wins (as SQLite's loop does).
  const reports = [...new Map(all.map((r) => [`${r.sessionId}\u0000${r.analystVersion}`, r])).values()];
  await client.query(
    `INSERT INTO session_reports (session_id, analyst_version, analyst, score, outcome, department, report, confidence, stale, created_at)
     SELECT s, v, a, sc, o, d, r, c, false, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $9::float8[]) AS x(s, v, a, sc, o, d, r, c)
     ON CONFLICT (session_id, analyst_version) DO UPDATE SET analyst = excluded.analyst, score = excluded.score,
       outcome = excluded.outcome, department = excluded.department, report = excluded.report, confidence = excluded.confidence, stale = false,
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
      reports.map((r) => r.confidence ?? null),
    ],
  );
  // A scored session's failure of that version no longer explains anything (SQLite's saveReports does the same).
  await client.query(
    `DELETE FROM session_failures f USING unnest($1::text[], $2::text[]) AS x(s, v) WHERE f.session_id = x.s AND f.analyst_version = x.v`,
    [reports.map((r) => r.sessionId), reports.map((r) => r.analystVersion)],
  );
}
