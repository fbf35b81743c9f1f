import { openImport } from "./importer.js";
import { FORMATS } from "./formats.js";
import type { Warehouse } from "../warehouse/types.js";
import type { StoredEvent } from "../state/session.js";
import type { IngestResult } from "./ingest.js";

/** An incremental source's result before its first page. */
export function emptyIngestResult(): IngestResult {
  return { events: 0, duplicates: 0, sessions: 0, sessionless: 0, malformed: 0, malformedLines: [], malformedReasons: [] };
}

/**
 * The commit loop's step shared by incremental sources (PostHog's API, a team's table): one page's
 * events stored, sessionized and committed with the advanced watermark in one transaction, so a crash
 * between pages resumes after the last committed one with nothing doubled or skipped.
 */
export async function commitPage(warehouse: Warehouse, events: StoredEvent[], watermark: { source: string; value: string }, total: IngestResult): Promise<void> {
  const session = await openImport(warehouse, { unlinked: FORMATS.posthog.unlinked });
  try {
    await session.add(events);
    const result = await session.commit({ watermark });
    total.events += result.inserted;
    total.duplicates += result.duplicates;
    total.sessions += result.sessionsTouched;
    total.sessionless += result.sessionless;
  } finally {
    await session.abort();
  }
}

/** Fills the counts of the malformed rows once the last page is in. */
export function closeIngestResult(total: IngestResult): IngestResult {
  total.malformed = total.malformedReasons.length;
  total.malformedLines = total.malformedReasons.map((m) => m.line);
  return total;
}
