import type Database from "better-sqlite3";
import { SessionSignals, type StoredEvent } from "../../state/session.js";
import type { EventStore, EventWrites, WeekCount } from "../stores/events.js";
import { SqliteEventWrites } from "./importTx.js";
import type { ImportThread } from "./importThread.js";
import { chunks, IN_CHUNK, placeholders } from "./sql.js";
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from "../rows.js";

/** `importer`: a file's import worker, which runs imports on a connection of its own (none for ":memory:"). */
export function sqliteEvents(db: Database.Database, importer: ImportThread | null): EventStore {
  let importing = false;
  return {
    async beginImport(): Promise<EventWrites> {
      if (importing) throw new Error("an import is already open on this warehouse connection");
      importing = true;
      const done = (): void => {
        importing = false;
      };
      try {
        return importer ? await importer.begin(done) : new SqliteEventWrites(db, done);
      } catch (err) {
        importing = false;
        throw err;
      }
    },

    async watermark(source: string): Promise<string | null> {
      const row = db.prepare(`SELECT watermark FROM ingest_watermarks WHERE source = ?`).get(source) as { watermark: string } | undefined;
      return row?.watermark ?? null;
    },

    async countEvents(): Promise<number> {
      return (db.prepare(`SELECT count(*) AS n FROM events`).get() as { n: number }).n;
    },

    async countSessions(week?: string): Promise<number> {
      const row = week ? db.prepare(`SELECT count(*) AS n FROM sessions WHERE week = ?`).get(week) : db.prepare(`SELECT count(*) AS n FROM sessions`).get();
      return (row as { n: number }).n;
    },

    async sessionsPerWeek(): Promise<WeekCount[]> {
      return db.prepare(`SELECT week, count(*) AS sessions FROM sessions GROUP BY week ORDER BY week`).all() as WeekCount[];
    },

    async sessionSignals(ids: string[]): Promise<SessionSignals[]> {
      const out: SessionSignals[] = [];
      for (const chunk of chunks(ids, IN_CHUNK)) {
        const rows = db.prepare(`SELECT signals FROM sessions WHERE id IN (${placeholders(chunk.length)}) ORDER BY id`).all(...chunk) as { signals: string }[];
        for (const row of rows) out.push(SessionSignals.parse(JSON.parse(row.signals)));
      }
      return out.sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    },

    async sessionEvents(sessionId: string): Promise<StoredEvent[]> {
      const rows = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? ORDER BY timestamp, uuid`).all(sessionId) as EventRow[];
      return rows.map(toStoredEvent);
    },
  };
}
