import type { NewRun, RunRecord, RunStatus, RunStore } from "../stores/runs.js";
import type { PgConnection } from "./connection.js";
import { now, RUN_COLUMNS, toRunRecord, type RunRow } from "../rows.js";

export function postgresRuns(pg: PgConnection): RunStore {
  return {
    async startRun(run: NewRun): Promise<void> {
      await pg.query(
        `INSERT INTO runs (id, kind, week, started_at, status, thread, pid, host, summary) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, week = excluded.week, started_at = excluded.started_at, status = 'running',
           finished_at = NULL, summary = excluded.summary, thread = excluded.thread, pid = excluded.pid, host = excluded.host,
           started_seq = DEFAULT`,
        [run.id, run.kind, run.week, now(), run.thread ?? null, run.pid ?? null, run.host ?? null, run.summary === undefined ? null : JSON.stringify(run.summary)],
      );
    },
    async finishRun(id: string, status: RunStatus, summary: unknown): Promise<void> {
      await pg.query(`UPDATE runs SET status = $1, finished_at = $2, summary = $3 WHERE id = $4`, [status, now(), JSON.stringify(summary ?? null), id]);
    },
    // Runs started in the same millisecond: the one started later (started_seq) is newer.
    async listRuns(limit = 50): Promise<RunRecord[]> {
      const rows = await pg.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at DESC, started_seq DESC LIMIT $1`, [limit]);
      return rows.map(toRunRecord);
    },
  };
}
