import type { SessionSignals, StoredEvent } from "../state/session.js";
import type { SessionReport } from "../state/report.js";
import type { FailurePattern } from "../state/pattern.js";
import type { FixAttempt, Ticket, TicketStatus } from "../state/ticket.js";

export interface ImportResult {
  /** Events newly stored. */
  inserted: number;
  /** Events already stored (same uuid) or repeated within the batch. */
  duplicates: number;
  /** Sessions created or recomputed because they gained events. */
  sessionsTouched: number;
  /** Newly stored events with no session id. */
  sessionless: number;
}

/** Computes a session's signals from all of its events, in time order. */
export type Sessionizer = (sessionId: string, events: StoredEvent[]) => SessionSignals;

/**
 * What an import does with events that carry no session id (issue #3). `attach`: a source that records
 * sessions (PostHog, Amplitude); such an event (server-side) joins the same user's session whose time
 * span contains it, else stays sessionless. `infer`: a source without sessions (Segment); a user's
 * events are cut into sessions at gaps longer than `gapMs`, each named by `sessionIdOf` from its user
 * and first event, so that re-imports agree.
 */
export type UnlinkedPolicy =
  | { kind: "attach" }
  | { kind: "infer"; gapMs: number; sessionIdOf: (distinctId: string, first: { uuid: string; timestamp: string }) => string }
  /**
   * A source with session ids: a user who has real sessions gets their session-less (server-side)
   * events attached; a user with none at all (no session tracking) is sessionized by inactivity.
   */
  | { kind: "attachOrInfer"; gapMs: number; sessionIdOf: (distinctId: string, first: { uuid: string; timestamp: string }) => string };

export interface ImportOptions {
  sessionize: Sessionizer;
  /** Default `attach`. */
  unlinked?: UnlinkedPolicy;
}

/**
 * A streamed import: batches go in one transaction, touched sessions are sessionized at commit (their
 * events read back from storage in time order), so memory stays bounded by a batch and a session.
 * Nothing is visible before commit; abort (or a crash) leaves the warehouse as it was.
 */
export interface ImportSession {
  /** Stores a batch; an event whose uuid is already stored (or repeated) is a duplicate. */
  add(events: StoredEvent[]): Promise<{ inserted: number; duplicates: number }>;
  /** Sessionizes, optionally advances a source's watermark in the same transaction, and commits. */
  commit(opts?: { watermark?: { source: string; value: string } }): Promise<ImportResult>;
  /** Discards everything added. Safe to call after commit (does nothing). */
  abort(): Promise<void>;
}

export type NewTicket = Omit<Ticket, "id" | "url" | "createdAt" | "updatedAt"> & { id?: string; url?: string };

export interface SessionRange {
  /** First and last session id of the range, inclusive, in id order. */
  fromId: string;
  toId: string;
}

/**
 * The system of record. Every method that writes several rows is atomic: it commits all of them or none.
 * Async so that the Postgres implementation satisfies the same interface.
 */
export interface Warehouse {
  readonly location: string;

  importEvents(events: StoredEvent[], sessionize: Sessionizer): Promise<ImportResult>;
  /** Opens a streamed import (one at a time per warehouse connection). */
  beginImport(opts: ImportOptions): Promise<ImportSession>;
  /** The last committed watermark of an incremental source (e.g. "posthog-api:<project>"), or null. */
  watermark(source: string): Promise<string | null>;
  countEvents(): Promise<number>;
  countSessions(week?: string): Promise<number>;
  /** The latest ISO week that has sessions, or null for an empty warehouse. */
  latestWeek(): Promise<string | null>;
  sessionSignals(ids: string[]): Promise<SessionSignals[]>;
  /** A session's events in time order (the LLM analyst's transcript reads them). */
  sessionEvents(sessionId: string): Promise<StoredEvent[]>;

  /** Ids of the week's sessions (all sessions when week is absent) with no report of this analyst version. */
  sessionsWithoutReport(opts: { analystVersion: string; week?: string; range?: SessionRange; limit?: number }): Promise<string[]>;
  saveReports(reports: SessionReport[]): Promise<void>;
  listReports(opts?: { week?: string; analystVersion?: string }): Promise<SessionReport[]>;

  /** Replaces the week's patterns with these, atomically. */
  savePatterns(week: string, patterns: FailurePattern[]): Promise<void>;
  listPatterns(week: string): Promise<FailurePattern[]>;

  insertTicket(ticket: NewTicket): Promise<Ticket>;
  updateTicket(id: string, patch: Partial<Omit<Ticket, "id" | "createdAt">>): Promise<Ticket>;
  ticket(id: string): Promise<Ticket | null>;
  ticketByFingerprint(fingerprint: string): Promise<Ticket | null>;
  listTickets(opts?: { status?: TicketStatus[] }): Promise<Ticket[]>;

  saveFixAttempt(attempt: FixAttempt): Promise<void>;
  fixAttempt(ticketId: string): Promise<FixAttempt | null>;
  listFixAttempts(): Promise<FixAttempt[]>;

  /** Runs of commands and graphs, for the digest and for operators. */
  startRun(run: { id: string; kind: string; week: string | null }): Promise<void>;
  finishRun(id: string, status: "succeeded" | "failed" | "interrupted", summary: unknown): Promise<void>;
  listRuns(limit?: number): Promise<RunRecord[]>;

  close(): Promise<void>;
}

export interface RunRecord {
  id: string;
  kind: string;
  week: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  summary: unknown;
}
