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
  countEvents(): Promise<number>;
  countSessions(week?: string): Promise<number>;
  /** The latest ISO week that has sessions, or null for an empty warehouse. */
  latestWeek(): Promise<string | null>;
  sessionSignals(ids: string[]): Promise<SessionSignals[]>;

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
