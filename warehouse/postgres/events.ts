import { SessionSignals, type StoredEvent } from "../../state/session.js";
import type { EventStore, EventWrites, WeekCount } from "../stores/events.js";
import type { PgConnection } from "./connection.js";
import { PostgresEventWrites } from "./importTx.js";
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from "../rows.js";

export function postgresEvents(pg: PgConnection, schema: string): EventStore {
  let importing = false;
  return {
    async beginImport(): Promise<EventWrites> {
      if (importing) throw new Error("an import is already open on this warehouse connection");
      importing = true;
      try {
        await pg.query("SELECT 1"); // waits for the migrations
        return await PostgresEventWrites.begin(await pg.connect(), schema, () => (importing = false));
      } catch (err) {
        importing = false;
        throw err;
      }
    },
    async watermark(source: string): Promise<string | null> {
      const rows = await pg.query<{ watermark: string }>(`SELECT watermark FROM ingest_watermarks WHERE source = $1`, [source]);
      return rows[0]?.watermark ?? null;
    },
    async countEvents(): Promise<number> {
      return count(pg, `SELECT count(*)::int AS n FROM events`);
    },
    async countSessions(week?: string): Promise<number> {
      return week ? count(pg, `SELECT count(*)::int AS n FROM sessions WHERE week = $1`, [week]) : count(pg, `SELECT count(*)::int AS n FROM sessions`);
    },
    async sessionsPerWeek(): Promise<WeekCount[]> {
      return pg.query<WeekCount>(`SELECT week, count(*)::int AS sessions FROM sessions GROUP BY week ORDER BY week`);
    },
    async sessionSignals(ids: string[]): Promise<SessionSignals[]> {
      if (ids.length === 0) return [];
      const rows = await pg.query<{ signals: string }>(`SELECT signals FROM sessions WHERE id = ANY($1::text[]) ORDER BY id`, [ids]);
      return rows.map((row) => SessionSignals.parse(JSON.parse(row.signals)));
    },
    async sessionEvents(sessionId: string): Promise<StoredEvent[]> {
      const rows = await pg.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = $1 ORDER BY timestamp, uuid`, [sessionId]);
      return rows.map(toStoredEvent);
    },
  };
}

export async function count(pg: PgConnection, sql: string, params: unknown[] = []): Promise<number> {
  return (await pg.query<{ n: number }>(sql, params))[0]?.n ?? 0;
}
