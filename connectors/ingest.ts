import type { StoredEvent } from "../state/session.js";
import type { Warehouse } from "../warehouse/types.js";
import { openImport, type ImportSession } from "./importer.js";
import { InputError, UsageError } from "../runtime/errors.js";
import { detectFormat, FORMATS, INGEST_FORMATS, isIngestFormat, type IngestFormat, type SourceFormat } from "./formats.js";
import { openExport, type SourcedRecord } from "./input/open.js";
import { implausibleTime, isObject, plausibleTimes, RecordError } from "./record.js";
import { DEFAULT_PRODUCT_SINCE } from "../state/profile.js";
import { throttledProgress, type IngestProgress } from "./progress.js";

/** Two: one being stored while the next waits its turn; a third would only hold more lines in memory. */
const BATCHES_IN_FLIGHT = 2;

export { INGEST_FORMATS, type IngestFormat } from "./formats.js";

export interface MalformedLine {
  /** The line's number, or the element's in a JSON array (the key's name is part of the --json contract). */
  line: number;
  /** Present (true) when `line` numbers an element of a JSON array. */
  element?: true;
  reason: string;
}

/** What records are called in messages: "element" when each is a JSON array's element, else "line". */
export function recordNoun(records: { element?: true } | readonly { element?: true }[]): "element" | "line" {
  const all = Array.isArray(records) ? records : [records];
  return all.every((r) => r.element) ? "element" : "line";
}

/** A skipped line or element as people read it: "line 3: …" or "element 3: …". */
export function describeMalformed(m: MalformedLine): string {
  return `${recordNoun(m)} ${m.line}: ${m.reason}`;
}

/** Where a record is, for an InputError: by line, or by element in a JSON array. */
function placeOf(record: { line: number; element?: true }): { line: number } | { element: number } {
  return record.element ? { element: record.line } : { line: record.line };
}

/** The `ingest --json` contract. */
export interface IngestResult {
  events: number;
  duplicates: number;
  sessions: number;
  sessionless: number;
  malformed: number;
  /** Line numbers of the skipped lines (element numbers in a JSON array). */
  malformedLines: number[];
  /** The same lines with why each was skipped. */
  malformedReasons: MalformedLine[];
}

export interface IngestOptions {
  /** posthog | amplitude | segment; detected from the first record when absent. */
  format?: string;
  /** Stop at the first bad line and write nothing. */
  strict?: boolean;
  /** Events handed to the warehouse at a time (memory is bounded by this, not by the file). */
  batchSize?: number;
  onDetected?: (info: { format: IngestFormat; packing: string; detected: boolean }) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** How often onProgress hears while reading (default once a second). */
  progressEveryMs?: number;
  /** The first day the product recorded events (the profile's `ingest.since`); earlier events are bad lines. */
  since?: string;
  /** This machine's time, against which events dated in the future are bad lines (tests set it). */
  now?: Date;
}

/**
 * Imports an export file, streamed: records are read, mapped to the event model and stored in batches
 * inside one warehouse transaction, then touched sessions are sessionized and everything commits at
 * once. Any error (including --strict's first bad line) aborts it: the warehouse is left as it was.
 */
export async function ingestFile(warehouse: Warehouse, file: string, opts: IngestOptions = {}): Promise<IngestResult> {
  if (opts.format !== undefined && !isIngestFormat(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}"; known: ${INGEST_FORMATS.join(", ")}`);
  }
  const input = openExport(file);
  const progress = throttledProgress(opts.onProgress, opts.progressEveryMs, input.position);
  // 1,000: a batch's lines stay alive until it is stored; twice that grew the import's peak memory by
  // about 15 MB (a million-event import, 283 → 298 MB) and was no faster.
  const batchSize = opts.batchSize ?? 1000;
  const window = plausibleTimes(opts.since ?? DEFAULT_PRODUCT_SINCE, opts.now ?? new Date());
  const malformed: MalformedLine[] = [];
  let format: SourceFormat | null = opts.format ? FORMATS[opts.format] : null;
  let session: ImportSession | null = null;
  let batch: StoredEvent[] = [];
  /** Batches handed to the import and not yet stored, oldest first. */
  const adding: Promise<unknown>[] = [];
  let lines = 0;
  let events = 0;
  try {
    for await (const record of input.records) {
      lines++;
      progress.tick(lines, events);
      if (record.error !== undefined) {
        skip(record, new RecordError(record.error));
        continue;
      }
      if (!format || !session) {
        format ??= detect(record, file);
        opts.onDetected?.({ format: format.name, packing: input.describe(), detected: !opts.format });
        session = await openImport(warehouse, { unlinked: format.unlinked });
      }
      try {
        const event = format.parse(record.value, record.text);
        const implausible = implausibleTime(event.timestamp, window);
        if (implausible) throw new RecordError(implausible);
        batch.push(event);
        events++;
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        skip(record, err);
      }
      if (batch.length >= batchSize) {
        // Batches in flight: the warehouse stores one while the next waits its turn and a third's lines
        // are read, so neither thread waits on the other's slower batches.
        if (adding.length >= BATCHES_IN_FLIGHT) await adding.shift();
        const added = session.add(batch);
        added.catch(() => undefined); // awaited in turn, before the commit, or by the abort
        adding.push(added);
        batch = [];
      }
    }
    if (events === 0 && malformed.length === 0) throw new InputError("holds no events", { file });
    // Not one line read: the format is not what was asked for (or not an export at all). Exit 2 rather
    // than a run that "succeeds" with nothing, over and over, from a scheduler.
    const first = malformed[0];
    if (events === 0 && first) {
      throw new InputError(`no ${recordNoun(first)} could be read as ${format?.name ?? "an export"} (${malformed.length} malformed; the first: ${first.reason}); check --format`, { file, ...placeOf(first) });
    }
    if (!session) return resultOf({ inserted: 0, duplicates: 0, sessionsTouched: 0, sessionless: 0 }, malformed);
    while (adding.length) await adding.shift();
    if (batch.length) await session.add(batch);
    batch = [];
    progress.phase(lines, events, "sessionizing");
    const stored = await session.commit();
    progress.phase(lines, events, "done");
    return resultOf(stored, malformed);
  } finally {
    await Promise.allSettled(adding); // an error among them was thrown above; the abort waits for them
    await session?.abort();
  }

  function skip(record: SourcedRecord, err: RecordError): void {
    const where = { file: record.part ? `${file} (entry ${record.part})` : file, ...placeOf(record), key: err.key };
    if (opts.strict) throw new InputError(err.message, where);
    const reason = err.key ? `${err.key}: ${err.message}` : err.message;
    malformed.push({ line: record.line, ...(record.element ? { element: true } : {}), reason: record.part ? `${record.part}: ${reason}` : reason });
  }
}

function detect(record: SourcedRecord, file: string): SourceFormat {
  const keys = isObject(record.value) ? Object.keys(record.value) : [];
  const found = isObject(record.value) ? detectFormat(record.value) : null;
  if (found) return found;
  const known = INGEST_FORMATS.map((name) => `${name} (${FORMATS[name].signature})`).join("; ");
  throw new InputError(
    `unknown format: the first record has keys [${keys.slice(0, 12).join(", ")}], which match none of ${known}; pass --format`,
    { file, ...placeOf(record) },
  );
}

function resultOf(
  stored: { inserted: number; duplicates: number; sessionsTouched: number; sessionless: number },
  malformed: MalformedLine[],
): IngestResult {
  return {
    events: stored.inserted,
    duplicates: stored.duplicates,
    sessions: stored.sessionsTouched,
    sessionless: stored.sessionless,
    malformed: malformed.length,
    malformedLines: malformed.map((m) => m.line),
    malformedReasons: malformed,
  };
}
