import type pg from "pg";
import type { StoredEvent } from "../../state/session.js";
import type { EventWrites, SessionAssignment, SessionRow } from "../stores/events.js";
import { EVENT_COLUMNS, now, toStoredEvent, type EventRow } from "../rows.js";
import { copyRows } from "./copyRows.js";
import { UuidFilter } from "./uuidFilter.js";
import { InTurn } from "../../runtime/inTurn.js";

const SESSION_FLUSH = 500;
/**
 * Events stored since the planner last looked at the table, past which it is told (ANALYZE) before a
 * read: at least this many, and at least as many as it counted then, so its count is never more than
 * twice off and an import of N events analyzes O(log N) times, not N / 50,000.
 */
const ANALYZE_AFTER = 50_000;
const COPY_COLUMNS = ["uuid", "event", "distinct_id", "timestamp", "session_id", "properties", "ingested_at"] as const;

/** Rows (already in time order) as events per key, keys with rows only. */
function groupedBy(rows: EventRow[], keyOf: (row: EventRow) => string): Map<string, StoredEvent[]> {
  const out = new Map<string, StoredEvent[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(toStoredEvent(row));
    else out.set(key, [toStoredEvent(row)]);
  }
  return out;
}

function* eventRows(events: StoredEvent[], ingestedAt: string): Generator<(string | null)[]> {
  for (const e of events) yield [e.uuid, e.event, e.distinctId, e.timestamp, e.sessionId, e.propertiesJson ?? JSON.stringify(e.properties), ingestedAt];
}

/** The first event of each uuid, in batch order: a repeat within the batch is a duplicate. */
function firstOfEachUuid(events: StoredEvent[]): StoredEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.uuid) && seen.add(e.uuid));
}

/**
 * Postgres's import transaction on one pooled client. Imports of one warehouse take turns (an advisory
 * lock held to commit), as SQLite's BEGIN IMMEDIATE makes them: sessionizing reads what it then writes.
 * Events go in by COPY straight into events (the uuids already stored looked up first, under the lock);
 * sessions as arrays through unnest, one statement per flush.
 */
export class PostgresEventWrites implements EventWrites {
  private open = true;
  /** Users of the source-session events this transaction stored: their sessions are not recomputed yet. */
  private readonly sourceSessionUsers = new Set<string>();
  /** Sessions saved but not yet written: a round trip per session was most of an import's time. */
  private readonly pendingSessions = new Map<string, SessionRow>();
  /** Events this transaction stored that the planner's statistics do not count yet. */
  private unanalyzed = 0;
  /** Events the planner's statistics count (read at begin, then what each ANALYZE added). */
  private analyzed: number;
  /** Into a warehouse that started empty, the uuids this import stored: the only ones that can be. */
  private readonly ownUuids: UuidFilter | null;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly onClose: () => void,
    readonly startedEmpty: boolean,
    counted: number,
  ) {
    this.analyzed = counted;
    this.ownUuids = startedEmpty ? new UuidFilter() : null;
  }

  static async begin(client: pg.PoolClient, schema: string, onClose: () => void): Promise<PostgresEventWrites> {
    try {
      await client.query("BEGIN");
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`selfheal-import:${schema}`]);
      // Read under the lock: no other import can commit events between this look and this one's commit.
      const { rows } = await client.query<{ empty: boolean; counted: number }>(
        `SELECT NOT EXISTS (SELECT 1 FROM events) AS empty, greatest(reltuples, 0)::float8 AS counted FROM pg_class WHERE oid = 'events'::regclass`,
      );
      // This connection's own record of the session-less events it stored, emptied at commit.
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS import_unlinked (uuid TEXT COLLATE "C" PRIMARY KEY) ON COMMIT DELETE ROWS`);
      return new PostgresEventWrites(client, onClose, rows[0]?.empty ?? false, rows[0]?.counted ?? 0);
    } catch (err) {
      await release(client, true, onClose);
      throw err;
    }
  }

  /** Inserts one at a time: each looks up what is stored only once the one before it has stored. */
  private readonly inserts = new InTurn();

  insertEvents(events: StoredEvent[]): Promise<StoredEvent[]> {
    return this.inserts.run(() => this.insertInTurn(events));
  }

  private async insertInTurn(events: StoredEvent[]): Promise<StoredEvent[]> {
    this.check();
    if (events.length === 0) return [];
    // The batch's first event of each uuid not stored yet goes by COPY straight into events. Only imports
    // write events, and they take turns under the advisory lock, so what this lookup finds missing stays
    // missing until the COPY; were it not, the COPY would break the primary key and abort the import,
    // never store a uuid twice. A staging table with a merge (INSERT … ON CONFLICT) and a TRUNCATE after
    // it wrote every event twice and spent a fifth of the import truncating.
    // Into a warehouse that started empty, only the uuids the filter may have seen are asked about
    // (usually none): the look-up was a seventh of the server's time.
    const unique = firstOfEachUuid(events);
    const own = this.ownUuids;
    const asked = own ? unique.filter((e) => own.mightHave(e.uuid)) : unique;
    const already = asked.length === 0 ? new Set<string>() : await this.storedOf(asked);
    const stored = already.size === 0 ? unique : unique.filter((e) => !already.has(e.uuid));
    if (stored.length === 0) return [];
    const copied = await copyRows(this.client, "events", COPY_COLUMNS, eventRows(stored, now()));
    if (copied !== stored.length) throw new Error(`import copy: ${copied} of ${stored.length} events stored`);
    if (own) for (const e of stored) own.add(e.uuid);
    const unlinked = stored.filter((e) => !e.sessionId).map((e) => e.uuid);
    if (unlinked.length > 0) await this.client.query(`INSERT INTO import_unlinked (uuid) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [unlinked]);
    this.unanalyzed += stored.length;
    for (const e of stored) if (e.sessionId) this.sourceSessionUsers.add(e.distinctId);
    return stored;
  }

  /** Which of these events' uuids are stored. */
  private async storedOf(events: StoredEvent[]): Promise<Set<string>> {
    const { rows } = await this.client.query<{ uuid: string }>(`SELECT uuid FROM events WHERE uuid = ANY($1::text[])`, [events.map((e) => e.uuid)]);
    return new Set(rows.map((r) => r.uuid));
  }

  async hasSourceSession(distinctId: string): Promise<boolean> {
    if (this.sourceSessionUsers.has(distinctId)) return true;
    await this.flushSessions();
    const { rowCount } = await this.client.query(
      `SELECT 1 FROM sessions s WHERE s.distinct_id = $1 AND EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.id AND NOT e.session_inferred) LIMIT 1`,
      [distinctId],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * A big import leaves the planner's statistics describing the table before it (often empty): reading
   * sessions back then ran as parallel scans of the whole table, a second each. ANALYZE in the
   * transaction counts its own rows, and the reads use the indexes again.
   */
  private async analyzeIfGrown(): Promise<void> {
    if (this.unanalyzed < Math.max(ANALYZE_AFTER, this.analyzed)) return;
    this.analyzed += this.unanalyzed;
    this.unanalyzed = 0;
    await this.client.query(`ANALYZE events`);
  }

  async unsessionedEventsOf(distinctIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    await this.analyzeIfGrown();
    const { rows } = await this.client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE distinct_id = ANY($1::text[]) AND (session_id IS NULL OR session_inferred) ORDER BY timestamp, uuid`,
      [distinctIds],
    );
    return groupedBy(rows, (r) => r.distinct_id);
  }

  async sessionSpans(distinctId: string): Promise<{ id: string; startedAt: string; endedAt: string }[]> {
    await this.flushSessions();
    const { rows } = await this.client.query<{ id: string; startedAt: string; endedAt: string }>(
      `SELECT id, started_at AS "startedAt", ended_at AS "endedAt" FROM sessions WHERE distinct_id = $1 ORDER BY started_at, id`,
      [distinctId],
    );
    return rows;
  }

  async assignSessions(assignments: SessionAssignment[]): Promise<void> {
    this.check();
    if (assignments.length === 0) return;
    await this.client.query(
      `UPDATE events SET session_id = x.s, session_inferred = x.i FROM unnest($1::text[], $2::text[], $3::boolean[]) AS x(u, s, i) WHERE events.uuid = x.u`,
      [assignments.map((a) => a.uuid), assignments.map((a) => a.sessionId), assignments.map((a) => a.inferred)],
    );
  }

  async eventsOfSessions(sessionIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    // One round trip for many sessions: a query per session was most of the import's waiting.
    await this.analyzeIfGrown();
    const { rows } = await this.client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ANY($1::text[]) ORDER BY timestamp, uuid`,
      [sessionIds],
    );
    return groupedBy(rows, (r) => r.session_id ?? "");
  }

  async saveSession(s: SessionRow): Promise<void> {
    this.check();
    this.pendingSessions.delete(s.id); // re-inserted last: the latest save of a session wins
    this.pendingSessions.set(s.id, s);
    if (this.pendingSessions.size >= SESSION_FLUSH) await this.flushSessions();
  }

  /** Writes the saved sessions in one statement, and marks their reports stale; before any read of sessions. */
  private async flushSessions(): Promise<void> {
    if (this.pendingSessions.size === 0) return;
    const rows = [...this.pendingSessions.values()];
    this.pendingSessions.clear();
    await this.client.query(
      `WITH saved AS (
         INSERT INTO sessions (id, distinct_id, started_at, ended_at, week, event_count, signals, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
         ON CONFLICT (id) DO UPDATE SET distinct_id = excluded.distinct_id, started_at = excluded.started_at,
           ended_at = excluded.ended_at, week = excluded.week, event_count = excluded.event_count,
           signals = excluded.signals, updated_at = excluded.updated_at
         RETURNING id)
       UPDATE session_reports SET stale = true WHERE NOT stale AND session_id IN (SELECT id FROM saved)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.distinctId),
        rows.map((r) => r.startedAt),
        rows.map((r) => r.endedAt),
        rows.map((r) => r.week),
        rows.map((r) => r.eventCount),
        rows.map((r) => JSON.stringify(r.signals)),
        rows.map(() => now()),
      ],
    );
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.check();
    await this.flushSessions();
    await this.client.query(`DELETE FROM session_reports WHERE session_id = $1`, [sessionId]);
    await this.client.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  async countSessionless(): Promise<number> {
    await this.flushSessions();
    const { rows } = await this.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_unlinked u JOIN events e ON e.uuid = u.uuid WHERE e.session_id IS NULL`);
    return rows[0]?.n ?? 0;
  }

  async setWatermark(source: string, value: string): Promise<void> {
    this.check();
    await this.client.query(
      `INSERT INTO ingest_watermarks (source, watermark, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (source) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
      [source, value, now()],
    );
  }

  async commit(): Promise<void> {
    this.check();
    try {
      await this.flushSessions();
      await this.client.query("COMMIT");
      this.open = false;
    } finally {
      await this.finish();
    }
  }

  async rollback(): Promise<void> {
    if (this.open) await this.finish();
  }

  private check(): void {
    if (!this.open) throw new Error("this import is already committed or rolled back");
  }

  private async finish(): Promise<void> {
    const wasOpen = this.open;
    this.open = false;
    await release(this.client, wasOpen, this.onClose);
  }
}

/** Rolls back an open transaction and hands the client back to the pool. */
async function release(client: pg.PoolClient, open: boolean, onClose: () => void): Promise<void> {
  try {
    if (open) await client.query("ROLLBACK");
    client.release();
  } catch (err) {
    client.release(err as Error); // a broken connection is discarded, never handed to another caller
  } finally {
    onClose();
  }
}
