import type { SessionSignals, StoredEvent } from "../../state/session.js";

/** A session as stored: its signals plus the columns it is looked up by. */
export interface SessionRow {
  id: string;
  distinctId: string;
  startedAt: string;
  endedAt: string;
  /** ISO week of startedAt (YYYY-Www). */
  week: string;
  eventCount: number;
  signals: SessionSignals;
}

/** Where an event goes: a session, and whether an import inferred that session (the source named none). */
export interface SessionAssignment {
  uuid: string;
  sessionId: string;
  inferred: boolean;
}

/**
 * One import's write transaction: storage primitives only. The rules that decide sessions (gaps,
 * attaching server-side events, which events make a session) live in connectors/ and drive these.
 * Nothing is visible to other connections before commit; rollback (or a crash) leaves the warehouse
 * as it was. Memory stays bounded by what each call returns: a batch, a user's events, a session's.
 */
export interface EventWrites {
  /**
   * Whether the warehouse held no events when this transaction began: then every stored event is one
   * it wrote, and a session it has not written to has none (a first import need not look them up).
   */
  readonly startedEmpty: boolean;
  /**
   * Stores each event whose uuid is not stored yet and returns those; a repeat (stored, or earlier in the
   * batch) is not. A call may come before the last one has resolved: each is applied after it, in call order.
   */
  insertEvents(events: StoredEvent[]): Promise<StoredEvent[]>;
  /** Whether the user has an event in a session the source named (not an inferred one). */
  hasSourceSession(distinctId: string): Promise<boolean>;
  /** Each user's events in no session or in an inferred one, in time order (timestamp, then uuid); a user with none is absent. */
  unsessionedEventsOf(distinctIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /** The user's sessions, by start (then id). */
  sessionSpans(distinctId: string): Promise<{ id: string; startedAt: string; endedAt: string }[]>;
  /** Moves events into sessions. */
  assignSessions(assignments: SessionAssignment[]): Promise<void>;
  /** Each session's events in time order (timestamp, then uuid), by id; an id with none is absent. Ask for a few hundred at a time. */
  eventsOfSessions(sessionIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /** Creates or replaces a session; its reports become stale (they describe less than happened). */
  saveSession(session: SessionRow): Promise<void>;
  /** Removes a session and its reports (its events merged into another). */
  deleteSession(sessionId: string): Promise<void>;
  /** Events stored by this transaction that are in no session. */
  countSessionless(): Promise<number>;
  /** Advances an incremental source's watermark, committed with the events. */
  setWatermark(source: string, value: string): Promise<void>;
  commit(): Promise<void>;
  /** Discards everything written. Safe after commit (does nothing). */
  rollback(): Promise<void>;
}

/** Events and the sessions made of them. */
export interface EventStore {
  /** Opens an import's write transaction (one at a time per warehouse connection). */
  beginImport(): Promise<EventWrites>;
  /** The last committed watermark of an incremental source (e.g. "posthog-api:<project>"), or null. */
  watermark(source: string): Promise<string | null>;
  countEvents(): Promise<number>;
  countSessions(week?: string): Promise<number>;
  /** Sessions per ISO week, oldest week first (weeks without sessions are absent). */
  sessionsPerWeek(): Promise<WeekCount[]>;
  /** Signals of the sessions with these ids that exist, in id order. */
  sessionSignals(ids: string[]): Promise<SessionSignals[]>;
  /** A session's events in time order (the LLM analyst's transcript reads them). */
  sessionEvents(sessionId: string): Promise<StoredEvent[]>;
}

export interface WeekCount {
  week: string;
  sessions: number;
}
