import type { EventStore } from "./stores/events.js";
import type { ReportStore } from "./stores/reports.js";
import type { PatternStore } from "./stores/patterns.js";
import type { TicketStore } from "./stores/tickets.js";
import type { FixAttemptStore } from "./stores/fixAttempts.js";
import type { RunStore } from "./stores/runs.js";
import type { VerdictStore } from "./stores/verdicts.js";
import type { FailureStore } from "./stores/failures.js";

export type { EventStore, EventWrites, SessionAssignment, SessionRow, WeekCount } from "./stores/events.js";
export type { ReportStore, SessionRange } from "./stores/reports.js";
export type { PatternStore } from "./stores/patterns.js";
export type { NewTicket, TicketStore } from "./stores/tickets.js";
export type { FixAttemptStore } from "./stores/fixAttempts.js";
export type { NewRun, RunRecord, RunStatus, RunStore } from "./stores/runs.js";
export type { VerdictStore } from "./stores/verdicts.js";
export type { FailureStore, NewSessionFailure, SessionFailure } from "./stores/failures.js";

/**
 * The system of record: one store per kind of record, one connection. Every method that writes
 * several rows is atomic: it commits all of them or none. Async so that every engine (SQLite, Postgres)
 * satisfies the same interface; warehouse/conformance/ holds the guarantees each engine must pass.
 */
export interface Warehouse extends EventStore, ReportStore, PatternStore, TicketStore, FixAttemptStore, RunStore, VerdictStore, FailureStore {
  /** Where it lives: a SQLite file path (or a database URL); the graph host keeps checkpoints there too. */
  readonly location: string;
  close(): Promise<void>;
}
