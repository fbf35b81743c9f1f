import Database from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SessionSignals, type StoredEvent } from "../state/session.js";
import { SessionReport } from "../state/report.js";
import { FailurePattern } from "../state/pattern.js";
import { FixAttempt, Ticket, type TicketStatus } from "../state/ticket.js";
import { MIGRATIONS } from "./migrations.js";
import { InputError } from "../runtime/errors.js";
import { SqliteImport } from "./sqliteImport.js";
import type { ImportOptions, ImportResult, ImportSession, NewTicket, RunRecord, Sessionizer, SessionRange, Warehouse } from "./types.js";

const now = (): string => new Date().toISOString();
const LOCAL_TICKET_PREFIX = "SH";
/** SQLite's default limit on bound parameters is 32766; stay well below it. */
const IN_CHUNK = 500;

/** The one-machine warehouse: a single SQLite file in WAL mode. */
export class SqliteWarehouse implements Warehouse {
  readonly location: string;
  private readonly db: Database.Database;
  private importing = false;

  constructor(path: string) {
    this.location = path === ":memory:" ? path : resolve(path);
    if (path !== ":memory:") mkdirSync(dirname(this.location), { recursive: true });
    if (path !== ":memory:" && existsSync(this.location) && statSync(this.location).isDirectory()) {
      throw new InputError("is a folder: --db names the warehouse file", { file: this.location });
    }
    this.db = new Database(this.location);
    try {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("busy_timeout = 5000");
      this.db.pragma("foreign_keys = ON");
      this.migrate();
    } catch (err) {
      this.db.close();
      if ((err as { code?: string }).code === "SQLITE_NOTADB") throw new InputError("not a selfheal warehouse (not a SQLite database)", { file: this.location }, { cause: err });
      throw err;
    }
  }

  private migrate(): void {
    const current = this.db.pragma("user_version", { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`${this.location} has schema version ${current}, newer than this selfheal (${MIGRATIONS.length})`);
    }
    MIGRATIONS.slice(current).forEach((sql, i) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${current + i + 1}`);
      })();
    });
  }

  async importEvents(events: StoredEvent[], sessionize: Sessionizer): Promise<ImportResult> {
    const session = await this.beginImport({ sessionize });
    try {
      await session.add(events);
      return await session.commit();
    } finally {
      await session.abort();
    }
  }

  async beginImport(opts: ImportOptions): Promise<ImportSession> {
    if (this.importing) throw new Error("an import is already open on this warehouse connection");
    this.importing = true;
    return new SqliteImport(this.db, opts, () => (this.importing = false));
  }

  async watermark(source: string): Promise<string | null> {
    const row = this.db.prepare(`SELECT watermark FROM ingest_watermarks WHERE source = ?`).get(source) as { watermark: string } | undefined;
    return row?.watermark ?? null;
  }

  async countEvents(): Promise<number> {
    return (this.db.prepare(`SELECT count(*) AS n FROM events`).get() as { n: number }).n;
  }

  async countSessions(week?: string): Promise<number> {
    const row = week
      ? this.db.prepare(`SELECT count(*) AS n FROM sessions WHERE week = ?`).get(week)
      : this.db.prepare(`SELECT count(*) AS n FROM sessions`).get();
    return (row as { n: number }).n;
  }

  async latestWeek(): Promise<string | null> {
    const row = this.db.prepare(`SELECT max(week) AS week FROM sessions`).get() as { week: string | null };
    return row.week;
  }

  async sessionSignals(ids: string[]): Promise<SessionSignals[]> {
    const out: SessionSignals[] = [];
    for (const chunk of chunks(ids, IN_CHUNK)) {
      const rows = this.db
        .prepare(`SELECT signals FROM sessions WHERE id IN (${placeholders(chunk.length)}) ORDER BY id`)
        .all(...chunk) as { signals: string }[];
      for (const row of rows) out.push(SessionSignals.parse(JSON.parse(row.signals)));
    }
    return out;
  }

  async sessionEvents(sessionId: string): Promise<StoredEvent[]> {
    const rows = this.db
      .prepare(`SELECT uuid, event, distinct_id, timestamp, session_id, properties FROM events WHERE session_id = ? ORDER BY timestamp, uuid`)
      .all(sessionId) as { uuid: string; event: string; distinct_id: string; timestamp: string; session_id: string | null; properties: string }[];
    return rows.map((r) => ({ uuid: r.uuid, event: r.event, distinctId: r.distinct_id, timestamp: r.timestamp, sessionId: r.session_id, properties: JSON.parse(r.properties) as Record<string, unknown> }));
  }

  async sessionsWithoutReport(opts: { analystVersion: string; week?: string; range?: SessionRange; limit?: number }): Promise<string[]> {
    const where: string[] = [
      `NOT EXISTS (SELECT 1 FROM session_reports r WHERE r.session_id = s.id AND r.analyst_version = @version AND r.stale = 0)`,
    ];
    if (opts.week) where.push(`s.week = @week`);
    if (opts.range) where.push(`s.id BETWEEN @fromId AND @toId`);
    const sql = `SELECT s.id FROM sessions s WHERE ${where.join(" AND ")} ORDER BY s.id${opts.limit ? " LIMIT @limit" : ""}`;
    const rows = this.db.prepare(sql).all({
      version: opts.analystVersion,
      week: opts.week,
      fromId: opts.range?.fromId,
      toId: opts.range?.toId,
      limit: opts.limit,
    }) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async saveReports(reports: SessionReport[]): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO session_reports (session_id, analyst_version, analyst, score, outcome, department, report, stale, created_at)
       VALUES (@sessionId, @analystVersion, @analyst, @score, @outcome, @department, @report, 0, @createdAt)
       ON CONFLICT(session_id, analyst_version) DO UPDATE SET analyst = excluded.analyst, score = excluded.score,
         outcome = excluded.outcome, department = excluded.department, report = excluded.report, stale = 0,
         created_at = excluded.created_at`,
    );
    const stamp = now();
    this.db.transaction(() => {
      for (const r of reports) {
        const report = SessionReport.parse(r);
        upsert.run({ ...report, report: JSON.stringify(report), createdAt: stamp });
      }
    })();
  }

  async listReports(opts: { week?: string; analystVersion?: string } = {}): Promise<SessionReport[]> {
    const where: string[] = ["1 = 1"];
    if (opts.week) where.push(`s.week = @week`);
    if (opts.analystVersion) where.push(`r.analyst_version = @version`);
    const rows = this.db
      .prepare(
        `SELECT r.report FROM session_reports r JOIN sessions s ON s.id = r.session_id
         WHERE ${where.join(" AND ")} ORDER BY s.started_at, r.session_id`,
      )
      .all({ week: opts.week, version: opts.analystVersion }) as { report: string }[];
    return rows.map((row) => SessionReport.parse(JSON.parse(row.report)));
  }

  async savePatterns(week: string, patterns: FailurePattern[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO patterns (week, fingerprint, kind, decision, sessions, pattern) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM patterns WHERE week = ?`).run(week);
      for (const p of patterns) {
        const pattern = FailurePattern.parse(p);
        insert.run(week, pattern.fingerprint, pattern.kind, pattern.decision, pattern.sessions, JSON.stringify(pattern));
      }
    })();
  }

  async listPatterns(week: string): Promise<FailurePattern[]> {
    const rows = this.db
      .prepare(`SELECT pattern FROM patterns WHERE week = ? ORDER BY sessions DESC, fingerprint`)
      .all(week) as { pattern: string }[];
    return rows.map((row) => FailurePattern.parse(JSON.parse(row.pattern)));
  }

  async insertTicket(input: NewTicket): Promise<Ticket> {
    return this.db.transaction((): Ticket => {
      const stamp = now();
      const seq = (this.db.prepare(`SELECT coalesce(max(seq), 0) + 1 AS next FROM tickets`).get() as { next: number }).next;
      const id = input.id ?? `${LOCAL_TICKET_PREFIX}-${seq}`;
      const ticket = Ticket.parse({ ...input, id, url: input.url ?? `selfheal://tickets/${id}`, createdAt: stamp, updatedAt: stamp });
      this.db
        .prepare(`INSERT INTO tickets (seq, id, fingerprint, status, ticket, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(seq, id, ticket.fingerprint, ticket.status, JSON.stringify(ticket), stamp);
      return ticket;
    })();
  }

  async updateTicket(id: string, patch: Partial<Omit<Ticket, "id" | "createdAt">>): Promise<Ticket> {
    return this.db.transaction((): Ticket => {
      const row = this.db.prepare(`SELECT ticket FROM tickets WHERE id = ?`).get(id) as { ticket: string } | undefined;
      if (!row) throw new Error(`no ticket ${id}`);
      const ticket = Ticket.parse({ ...JSON.parse(row.ticket), ...patch, id, updatedAt: now() });
      this.db
        .prepare(`UPDATE tickets SET status = ?, fingerprint = ?, ticket = ?, updated_at = ? WHERE id = ?`)
        .run(ticket.status, ticket.fingerprint, JSON.stringify(ticket), ticket.updatedAt, id);
      return ticket;
    })();
  }

  async ticket(id: string): Promise<Ticket | null> {
    const row = this.db.prepare(`SELECT ticket FROM tickets WHERE id = ?`).get(id) as { ticket: string } | undefined;
    return row ? Ticket.parse(JSON.parse(row.ticket)) : null;
  }

  async ticketByFingerprint(fingerprint: string): Promise<Ticket | null> {
    const row = this.db.prepare(`SELECT ticket FROM tickets WHERE fingerprint = ?`).get(fingerprint) as { ticket: string } | undefined;
    return row ? Ticket.parse(JSON.parse(row.ticket)) : null;
  }

  async listTickets(opts: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const rows = this.db.prepare(`SELECT ticket, status FROM tickets ORDER BY seq`).all() as { ticket: string; status: string }[];
    return rows
      .filter((row) => !opts.status || opts.status.includes(row.status as TicketStatus))
      .map((row) => Ticket.parse(JSON.parse(row.ticket)));
  }

  async saveFixAttempt(attempt: FixAttempt): Promise<void> {
    const a = FixAttempt.parse(attempt);
    this.db
      .prepare(
        `INSERT INTO fix_attempts (ticket_id, status, attempt, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(ticket_id) DO UPDATE SET status = excluded.status, attempt = excluded.attempt`,
      )
      .run(a.ticketId, a.status, JSON.stringify(a), a.createdAt);
  }

  async fixAttempt(ticketId: string): Promise<FixAttempt | null> {
    const row = this.db.prepare(`SELECT attempt FROM fix_attempts WHERE ticket_id = ?`).get(ticketId) as { attempt: string } | undefined;
    return row ? FixAttempt.parse(JSON.parse(row.attempt)) : null;
  }

  async listFixAttempts(): Promise<FixAttempt[]> {
    const rows = this.db.prepare(`SELECT attempt FROM fix_attempts ORDER BY created_at, ticket_id`).all() as { attempt: string }[];
    return rows.map((row) => FixAttempt.parse(JSON.parse(row.attempt)));
  }

  async startRun(run: { id: string; kind: string; week: string | null }): Promise<void> {
    this.db
      .prepare(`INSERT OR REPLACE INTO runs (id, kind, week, started_at, status) VALUES (?, ?, ?, ?, 'running')`)
      .run(run.id, run.kind, run.week, now());
  }

  async finishRun(id: string, status: "succeeded" | "failed" | "interrupted", summary: unknown): Promise<void> {
    this.db
      .prepare(`UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?`)
      .run(status, now(), JSON.stringify(summary ?? null), id);
  }

  async listRuns(limit = 50): Promise<RunRecord[]> {
    const rows = this.db
      .prepare(`SELECT id, kind, week, started_at, finished_at, status, summary FROM runs ORDER BY started_at DESC LIMIT ?`)
      .all(limit) as { id: string; kind: string; week: string | null; started_at: string; finished_at: string | null; status: string; summary: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      week: r.week,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      summary: r.summary ? JSON.parse(r.summary) : null,
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
