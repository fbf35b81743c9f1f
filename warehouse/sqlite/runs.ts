import type Database from "better-sqlite3";
import type { NewRun, RunRecord, RunStatus, RunStore } from "../stores/runs.js";
import { now, RUN_COLUMNS, toRunRecord, type RunRow } from "../rows.js";

export function sqliteRuns(db: Database.Database): RunStore {
  return {
    async startRun(run: NewRun): Promise<void> {
      db.prepare(`INSERT OR REPLACE INTO runs (id, kind, week, started_at, status, thread, pid, host, summary) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?)`).run(
        run.id,
        run.kind,
        run.week,
        now(),
        run.thread ?? null,
        run.pid ?? null,
        run.host ?? null,
        run.summary === undefined ? null : JSON.stringify(run.summary),
      );
    },

    async finishRun(id: string, status: RunStatus, summary: unknown): Promise<void> {
      db.prepare(`UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?`).run(status, now(), JSON.stringify(summary ?? null), id);
    },

    // Runs started in the same millisecond: the later insert (INSERT OR REPLACE gives a new rowid) is newer.
    async listRuns(limit = 50): Promise<RunRecord[]> {
      const rows = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?`).all(limit) as RunRow[];
      return rows.map(toRunRecord);
    },
  };
}
