import type { Warehouse } from "../warehouse/types.js";
import { UsageError } from "../runtime/errors.js";
import { readPostHogExport, type MalformedLine } from "./posthog/exportFile.js";
import { computeSignals } from "./sessionize.js";

export const INGEST_FORMATS = ["posthog"] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/** The `ingest --json` contract. */
export interface IngestResult {
  events: number;
  duplicates: number;
  sessions: number;
  sessionless: number;
  malformed: number;
  /** Line numbers of the skipped lines. */
  malformedLines: number[];
  /** The same lines with why each was skipped. */
  malformedReasons: MalformedLine[];
}

/** Imports an export file: parse, then store and sessionize in one transaction. */
export async function ingestFile(
  warehouse: Warehouse,
  file: string,
  opts: { format?: string; strict?: boolean } = {},
): Promise<IngestResult> {
  const format = opts.format ?? "posthog";
  if (!INGEST_FORMATS.includes(format as IngestFormat)) {
    throw new UsageError(`unknown format "${format}"; known: ${INGEST_FORMATS.join(", ")}`);
  }
  const parsed = await readPostHogExport(file, { strict: opts.strict ?? false });
  const stored = await warehouse.importEvents(parsed.events, computeSignals);
  return {
    events: stored.inserted,
    duplicates: stored.duplicates,
    sessions: stored.sessionsTouched,
    sessionless: stored.sessionless,
    malformed: parsed.malformed.length,
    malformedLines: parsed.malformed.map((m) => m.line),
    malformedReasons: parsed.malformed,
  };
}
