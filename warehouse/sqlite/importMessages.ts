import type { StoredEvent } from "../../state/session.js";
import type { SessionRow } from "../stores/events.js";

/**
 * What crosses between the main thread and the import worker (importWorker.ts). A batch travels as
 * one string, its events' fields end to end (properties already JSON text, what SQLite stores), with
 * each field's length beside it: copying one string and one transferred buffer between threads is
 * cheap, cloning thousands of small strings or property objects is not.
 */
export interface PackedEvents {
  text: string;
  /** FIELDS lengths per event, in FIELDS order; -1 for a null session id. */
  lengths: Int32Array<ArrayBuffer>;
}

const FIELDS = 6;

export interface EventFields {
  uuid: string;
  event: string;
  distinctId: string;
  timestamp: string;
  sessionId: string | null;
  properties: string;
}

export function packEvents(events: readonly StoredEvent[]): PackedEvents {
  const parts: string[] = [];
  const lengths = new Int32Array(events.length * FIELDS);
  let i = 0;
  for (const e of events) {
    const properties = e.propertiesJson ?? JSON.stringify(e.properties);
    parts.push(e.uuid, e.event, e.distinctId, e.timestamp, e.sessionId ?? "", properties);
    lengths[i++] = e.uuid.length;
    lengths[i++] = e.event.length;
    lengths[i++] = e.distinctId.length;
    lengths[i++] = e.timestamp.length;
    lengths[i++] = e.sessionId === null ? -1 : e.sessionId.length;
    lengths[i++] = properties.length;
  }
  return { text: parts.join(""), lengths };
}

/**
 * A string of its own: a field read from a packed batch is a slice of the batch's whole text, and one
 * kept past the batch (in a set, say) would keep all of that text alive with it.
 */
export function ownCopy(field: string): string {
  return JSON.parse(JSON.stringify(field)) as string;
}

/**
 * The packed events one by one (the object is reused: read it before the next; fields are slices, see
 * ownCopy). The text is read an event at a time, by `textOf(from, to)` in UTF-16 code units: the worker
 * decodes it from the shared buffer so, never a whole batch at once (a string that large would be
 * allocated outside the JavaScript heap, and freed late).
 */
export function* unpackEvents(lengths: Int32Array, textOf: (from: number, to: number) => string): Generator<EventFields> {
  const out: EventFields = { uuid: "", event: "", distinctId: "", timestamp: "", sessionId: null, properties: "" };
  let start = 0;
  for (let i = 0; i < lengths.length; i += FIELDS) {
    const sessionLength = lengths[i + 4] ?? -1;
    const uuid = lengths[i] ?? 0;
    const event = lengths[i + 1] ?? 0;
    const distinctId = lengths[i + 2] ?? 0;
    const timestamp = lengths[i + 3] ?? 0;
    const session = Math.max(sessionLength, 0);
    const properties = lengths[i + 5] ?? 0;
    const span = uuid + event + distinctId + timestamp + session + properties;
    const text = textOf(start, start + span);
    start += span;
    let at = 0;
    const next = (length: number): string => text.slice(at, (at += length));
    out.uuid = next(uuid);
    out.event = next(event);
    out.distinctId = next(distinctId);
    out.timestamp = next(timestamp);
    out.sessionId = sessionLength < 0 ? null : next(session);
    out.properties = next(properties);
    yield out;
  }
}

/**
 * A packed batch as the worker is sent it: the text in a buffer both threads share, as UTF-16 (exact
 * for any string), and reused batch after batch. A new buffer per batch would be a megabyte allocated
 * in one thread and freed in the other each time, which the C allocator keeps as fragmented memory.
 */
export interface SharedBatch {
  /** UTF-16 code units of text in the shared buffer. */
  chars: number;
  lengths: Int32Array<ArrayBuffer>;
  /** Sent when the buffer is new (the first batch, or one too big for the last buffer). */
  buffer?: SharedArrayBuffer;
}

/** A session row with its signals as JSON text. */
export type SessionRowText = Omit<SessionRow, "signals"> & { signals: string };

export function sessionRowText(s: SessionRow): SessionRowText {
  return { ...s, signals: JSON.stringify(s.signals) };
}

/** The batch without the events at these indexes (the repeats an insert reported). */
export function withoutRepeats(events: StoredEvent[], repeats: readonly number[]): StoredEvent[] {
  if (repeats.length === 0) return events;
  const skipped = new Set(repeats);
  return events.filter((_, i) => !skipped.has(i));
}

/** Opening a transaction, and the methods of the open one (SqliteEventWrites's, by name). */
export type ImportMethod =
  | "begin"
  | "insertShared"
  | "hasSourceSession"
  | "unsessionedEventsOf"
  | "sessionSpans"
  | "assignSessions"
  | "eventsOfSessions"
  | "saveSessionText"
  | "deleteSession"
  | "countSessionless"
  | "setWatermark"
  | "commit"
  | "rollback"
  /** Fire-and-forget writes sent together, in order (args: the ImportRequests). */
  | "writes";

/** A call. Without an id it is fire-and-forget: a failure is answered to the next call with an id. */
export interface ImportRequest {
  id?: number;
  method: ImportMethod;
  args: unknown[];
}

export type ImportReply =
  | { kind: "result"; id: number; value: unknown }
  | { kind: "failed"; id?: number; error: WireError };

/** An error as it crosses threads: what callers read of SQLite's errors (message, name, code). */
export interface WireError {
  message: string;
  name: string;
  code?: string;
}

export function toWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { message: String(err), name: "Error" };
  const code = (err as { code?: unknown }).code;
  return { message: err.message, name: err.name, ...(typeof code === "string" ? { code } : {}) };
}

export function fromWire(wire: WireError): Error {
  const err = new Error(wire.message);
  err.name = wire.name;
  if (wire.code !== undefined) Object.assign(err, { code: wire.code });
  return err;
}
