import type Database from "better-sqlite3";
import type { StoredEvent } from "../state/session.js";
import { isoWeekOf } from "../runtime/week.js";
import type { ImportOptions, ImportResult, ImportSession, UnlinkedPolicy } from "./types.js";

/** Negative: KiB (SQLite's convention). 32 MB measured 27k events/s at 210 MB peak RSS for 1M events; 64 MB, 31k at 263 MB. */
const IMPORT_CACHE_KIB = -32768;
const DEFAULT_CACHE_KIB = -2000;

interface EventRow {
  uuid: string;
  event: string;
  distinct_id: string;
  timestamp: string;
  session_id: string | null;
  properties: string;
}

/**
 * SQLite's streamed import: BEGIN IMMEDIATE at open, one prepared INSERT per event, and at commit the
 * session work (infer or attach the unlinked events, recompute every touched session, mark its reports
 * stale). better-sqlite3 is synchronous, so the transaction can span awaits on this one connection.
 */
export class SqliteImport implements ImportSession {
  private readonly touched = new Set<string>();
  private inserted = 0;
  private duplicates = 0;
  private open = true;
  private readonly policy: UnlinkedPolicy;
  private readonly insert: Database.Statement;
  private readonly noteUnlinked: Database.Statement;
  private readonly noteUser: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: ImportOptions,
    private readonly onClose: () => void,
  ) {
    this.policy = opts.unlinked ?? { kind: "attach" };
    // A big import touches B-tree pages all over the uuid and session indexes; SQLite's default 2 MB
    // page cache makes it spill constantly. 32 MB keeps throughput up within the memory budget.
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    db.exec(`BEGIN IMMEDIATE`);
    try {
      // Temp tables live in this connection only and are emptied per import.
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_unlinked (uuid TEXT PRIMARY KEY);
               CREATE TEMP TABLE IF NOT EXISTS import_users (distinct_id TEXT PRIMARY KEY);
               DELETE FROM temp.import_unlinked; DELETE FROM temp.import_users;`);
      this.insert = db.prepare(
        `INSERT INTO events (uuid, event, distinct_id, timestamp, session_id, properties, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO NOTHING`,
      );
      this.noteUnlinked = db.prepare(`INSERT OR IGNORE INTO temp.import_unlinked (uuid) VALUES (?)`);
      this.noteUser = db.prepare(`INSERT OR IGNORE INTO temp.import_users (distinct_id) VALUES (?)`);
    } catch (err) {
      this.rollback();
      throw err;
    }
  }

  async add(events: StoredEvent[]): Promise<{ inserted: number; duplicates: number }> {
    if (!this.open) throw new Error("this import is already committed or aborted");
    const stamp = new Date().toISOString();
    let inserted = 0;
    for (const e of events) {
      const info = this.insert.run(e.uuid, e.event, e.distinctId, e.timestamp, e.sessionId, JSON.stringify(e.properties), stamp);
      if (info.changes !== 1) continue;
      inserted++;
      if (e.sessionId) {
        this.touched.add(e.sessionId);
      } else {
        this.noteUnlinked.run(e.uuid);
        this.noteUser.run(e.distinctId);
      }
    }
    this.inserted += inserted;
    this.duplicates += events.length - inserted;
    return { inserted, duplicates: events.length - inserted };
  }

  async commit(opts: { watermark?: { source: string; value: string } } = {}): Promise<ImportResult> {
    if (!this.open) throw new Error("this import is already committed or aborted");
    try {
      if (this.policy.kind === "infer") this.inferSessions(this.policy, false);
      if (this.policy.kind === "attachOrInfer") this.inferSessions(this.policy, true);
      this.recompute(this.touched);
      this.recompute(this.attachUnlinked());
      const sessionless = (
        this.db
          .prepare(`SELECT count(*) AS n FROM temp.import_unlinked u JOIN events e ON e.uuid = u.uuid WHERE e.session_id IS NULL`)
          .get() as { n: number }
      ).n;
      if (opts.watermark) {
        this.db
          .prepare(
            `INSERT INTO ingest_watermarks (source, watermark, updated_at) VALUES (?, ?, ?)
             ON CONFLICT(source) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
          )
          .run(opts.watermark.source, opts.watermark.value, new Date().toISOString());
      }
      this.db.exec(`COMMIT`);
      this.close();
      return { inserted: this.inserted, duplicates: this.duplicates, sessionsTouched: this.touched.size, sessionless };
    } catch (err) {
      this.rollback();
      throw err;
    }
  }

  async abort(): Promise<void> {
    if (this.open) this.rollback();
  }

  private rollback(): void {
    if (this.db.inTransaction) this.db.exec(`ROLLBACK`);
    this.close();
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    this.db.pragma(`cache_size = ${DEFAULT_CACHE_KIB}`);
    this.onClose();
  }

  /**
   * Server-side events: each unlinked event of a user who gained events or sessions joins that user's
   * session whose span contains it. Earlier sessionless events count too, since a session that arrives
   * later can cover them.
   */
  private attachUnlinked(): Set<string> {
    const note = this.db.prepare(`INSERT OR IGNORE INTO temp.import_users (distinct_id) SELECT distinct_id FROM sessions WHERE id = ?`);
    for (const id of this.touched) note.run(id);
    const rows = this.db
      .prepare(
        `UPDATE events SET session_id = (
           SELECT s.id FROM sessions s WHERE s.distinct_id = events.distinct_id
             AND events.timestamp >= s.started_at AND events.timestamp <= s.ended_at
           ORDER BY s.started_at, s.id LIMIT 1)
         WHERE session_id IS NULL AND distinct_id IN (SELECT distinct_id FROM temp.import_users)
         RETURNING session_id`,
      )
      .all() as { session_id: string | null }[];
    const gained = new Set<string>();
    for (const row of rows) if (row.session_id) gained.add(row.session_id);
    for (const id of gained) this.touched.add(id);
    return gained;
  }

  /**
   * Cuts each touched user's session-less and inferred events into sessions at inactivity gaps. A
   * session whose id no longer exists (it merged into one that starts earlier) is removed with its reports.
   */
  private inferSessions(policy: { gapMs: number; sessionIdOf: Extract<UnlinkedPolicy, { kind: "infer" }>["sessionIdOf"] }, onlyWithoutSessions: boolean): void {
    // With `onlyWithoutSessions`, a user with any real (source-given) session is left to attachUnlinked.
    const users = this.db
      .prepare(
        `SELECT distinct_id FROM temp.import_users u ${
          onlyWithoutSessions
            ? `WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.distinct_id = u.distinct_id AND e.session_id IS NOT NULL AND e.session_inferred = 0)`
            : ""
        }`,
      )
      .pluck()
      .all() as string[];
    // Only events of a page or screen say the user was in the product: a server-side event (a billing
    // job's invoice_paid) never makes a session; it joins one that spans it, or stays sessionless.
    const eventsOf = this.db.prepare(
      `SELECT uuid, timestamp, session_id FROM events WHERE distinct_id = ? AND (session_id IS NULL OR session_inferred = 1)
         AND (json_extract(properties, '$."$current_url"') IS NOT NULL OR json_extract(properties, '$."$pathname"') IS NOT NULL
              OR json_extract(properties, '$."$screen_name"') IS NOT NULL)
       ORDER BY timestamp, uuid`,
    );
    const assign = this.db.prepare(`UPDATE events SET session_id = ?, session_inferred = 1 WHERE uuid = ?`);
    const dropReports = this.db.prepare(`DELETE FROM session_reports WHERE session_id = ?`);
    const dropSession = this.db.prepare(`DELETE FROM sessions WHERE id = ?`);
    for (const user of users) {
      const rows = eventsOf.all(user) as { uuid: string; timestamp: string; session_id: string | null }[];
      const before = new Set<string>();
      const after = new Set<string>();
      let current: string | null = null;
      let lastMs = Number.NEGATIVE_INFINITY;
      for (const row of rows) {
        const ms = Date.parse(row.timestamp);
        if (current === null || ms - lastMs > policy.gapMs) current = policy.sessionIdOf(user, row);
        lastMs = ms;
        if (row.session_id) before.add(row.session_id);
        after.add(current);
        if (row.session_id !== current) {
          assign.run(current, row.uuid);
          this.touched.add(current);
        }
      }
      for (const id of before) {
        if (after.has(id)) continue;
        dropReports.run(id);
        dropSession.run(id);
        this.touched.delete(id);
      }
    }
  }

  private recompute(ids: Iterable<string>): void {
    const eventsOf = this.db.prepare(
      `SELECT uuid, event, distinct_id, timestamp, session_id, properties FROM events
       WHERE session_id = ? ORDER BY timestamp, uuid`,
    );
    const upsert = this.db.prepare(
      `INSERT INTO sessions (id, distinct_id, started_at, ended_at, week, event_count, signals, updated_at)
       VALUES (@id, @distinctId, @startedAt, @endedAt, @week, @eventCount, @signals, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET distinct_id = excluded.distinct_id, started_at = excluded.started_at,
         ended_at = excluded.ended_at, week = excluded.week, event_count = excluded.event_count,
         signals = excluded.signals, updated_at = excluded.updated_at`,
    );
    // A session that grew has a report describing less than happened: mark it for re-scoring.
    const markStale = this.db.prepare(`UPDATE session_reports SET stale = 1 WHERE session_id = ?`);
    const stamp = new Date().toISOString();
    for (const id of ids) {
      const rows = eventsOf.all(id) as EventRow[];
      const signals = this.opts.sessionize(id, rows.map(toStoredEvent));
      upsert.run({
        id,
        distinctId: signals.distinctId,
        startedAt: signals.startedAt,
        endedAt: signals.endedAt,
        week: isoWeekOf(new Date(signals.startedAt)),
        eventCount: signals.eventCount,
        signals: JSON.stringify(signals),
        updatedAt: stamp,
      });
      markStale.run(id);
    }
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    uuid: row.uuid,
    event: row.event,
    distinctId: row.distinct_id,
    timestamp: row.timestamp,
    sessionId: row.session_id,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
  };
}
