import type { StoredEvent } from "../../state/session.js";
import type { SessionRow } from "../stores/events.js";

/**
 * What crosses between the main thread and the import worker (importWorker.ts). A batch travels as
 * its events' fields end to end in one buffer, as UTF-8 (what SQLite stores; properties already JSON
 * text), with each field's length beside it: copying one buffer's bytes and one transferred array
 * between threads is cheap, cloning thousands of small strings or property objects is not.
 */
export interface PackedEvents {
  /** Bytes written. */
  bytes: number;
  /** Per event, FIELDS lengths in UTF-16 code units (-1 for a null session id), then its bytes. */
  lengths: Int32Array<ArrayBuffer>;
}

const FIELDS = 6;
const STRIDE = FIELDS + 1;

export interface EventFields {
  uuid: string;
  event: string;
  distinctId: string;
  timestamp: string;
  sessionId: string | null;
  properties: string;
}

/**
 * Writes the events' fields into the buffer `bufferFor` gives for the batch's largest size in bytes,
 * field by field, straight into it: joining them into one string first would allocate megabytes per
 * batch only to copy them again. UTF-8, as SQLite keeps text: text that is ASCII (most of it) is read
 * back as a one-byte string, which is also what SQLite's binding copies fastest. (A lone surrogate,
 * which UTF-8 cannot hold, becomes U+FFFD here as it would in SQLite: one code unit either way.)
 */
export function packEvents(events: readonly StoredEvent[], bufferFor: (bytes: number) => Buffer): PackedEvents {
  const properties = events.map((e) => e.propertiesJson ?? JSON.stringify(e.properties));
  let chars = 0;
  for (let n = 0; n < events.length; n++) {
    const e = events[n] as StoredEvent;
    chars += e.uuid.length + e.event.length + e.distinctId.length + e.timestamp.length + (e.sessionId?.length ?? 0) + (properties[n] as string).length;
  }
  const buffer = bufferFor(chars * 3); // UTF-8 takes at most three bytes per UTF-16 code unit
  const lengths = new Int32Array(events.length * STRIDE);
  let at = 0;
  let i = 0;
  const put = (field: string): number => {
    at += buffer.write(field, at, "utf8");
    return field.length;
  };
  for (let n = 0; n < events.length; n++) {
    const e = events[n] as StoredEvent;
    const from = at;
    lengths[i++] = put(e.uuid);
    lengths[i++] = put(e.event);
    lengths[i++] = put(e.distinctId);
    lengths[i++] = put(e.timestamp);
    lengths[i++] = e.sessionId === null ? -1 : put(e.sessionId);
    lengths[i++] = put(properties[n] as string);
    lengths[i++] = at - from;
  }
  return { bytes: at, lengths };
}

/**
 * A string of its own: a field read from a packed batch is a slice of its event's whole text, and one
 * kept past the batch (in a set, say) would keep all of that text alive with it.
 */
export function ownCopy(field: string): string {
  return JSON.parse(JSON.stringify(field)) as string;
}

/**
 * The packed events one by one (the object is reused: read it before the next; fields are slices, see
 * ownCopy). The text is read an event at a time, by `textOf(from, to)` in bytes: the worker decodes it
 * from the shared buffer so, never a whole batch at once (a string that large would be allocated
 * outside the JavaScript heap, and freed late).
 */
export function* unpackEvents(lengths: Int32Array, textOf: (from: number, to: number) => string): Generator<EventFields> {
  const out: EventFields = { uuid: "", event: "", distinctId: "", timestamp: "", sessionId: null, properties: "" };
  let start = 0;
  for (let i = 0; i < lengths.length; i += STRIDE) {
    const bytes = lengths[i + FIELDS] ?? 0;
    const text = textOf(start, start + bytes);
    start += bytes;
    let at = 0;
    const next = (length: number): string => text.slice(at, (at += length));
    out.uuid = next(lengths[i] ?? 0);
    out.event = next(lengths[i + 1] ?? 0);
    out.distinctId = next(lengths[i + 2] ?? 0);
    out.timestamp = next(lengths[i + 3] ?? 0);
    const session = lengths[i + 4] ?? -1;
    out.sessionId = session < 0 ? null : next(session);
    out.properties = next(lengths[i + 5] ?? 0);
    yield out;
  }
}

/**
 * A packed batch as the worker is sent it: the text in a buffer both threads share, reused batch after
 * batch. A new buffer per batch would be a megabyte allocated in one thread and freed in the other
 * each time, which the C allocator keeps as fragmented memory.
 */
export interface SharedBatch extends PackedEvents {
  /** Which of the two buffers that take turns holds it. */
  slot: 0 | 1;
  /** Sent when the slot's buffer is new (its first batch, or one too big for its last buffer). */
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
