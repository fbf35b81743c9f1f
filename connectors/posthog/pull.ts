import { closeIngestResult, commitPage, emptyIngestResult } from "../pageCommit.js";
import type { Warehouse } from "../../warehouse/types.js";
import type { StoredEvent } from "../../state/session.js";
import { SelfhealError } from "../../runtime/errors.js";
import type { IngestResult, MalformedLine } from "../ingest.js";
import { parsePostHogEvent, RecordError } from "./event.js";
import { postJson } from "./http.js";
import { ServiceGuard } from "../../runtime/outside/guard.js";
import { advances, isSafeWatermark, pageQuery, readQueryReply, toUtcMicros, type Watermark } from "./query.js";
import type { PostHogApiSettings } from "./settings.js";

export interface PullOptions {
  /** A line per committed page and per retry, for stderr. */
  onPage?: (line: string) => void;
}

/**
 * Incremental pull through PostHog's query API (HogQL), in keyset pages ordered by (timestamp, uuid).
 * Each page is stored, sessionized and committed together with the advanced watermark, so a crash
 * between pages resumes after the last committed one with nothing doubled and nothing skipped.
 */
export async function pullPostHog(warehouse: Warehouse, api: PostHogApiSettings, opts: PullOptions = {}): Promise<IngestResult> {
  const source = `posthog-api:${api.host}/${api.projectId}`;
  const stored = await warehouse.watermark(source);
  let mark = stored ? (JSON.parse(stored) as Watermark) : null;
  const url = `${api.host}/api/projects/${encodeURIComponent(api.projectId)}/query/`;
  const total = emptyIngestResult();
  opts.onPage?.(mark ? `resuming after ${mark.timestamp} ${mark.uuid}` : "no watermark yet: pulling from the first event");
  let rowNumber = 0;
  let page = 1;
  const guard = new ServiceGuard("PostHog", api.services, (r) => opts.onPage?.(`page ${page}: ${r.error.slice(0, 120)}, retry ${r.attempt} in ${(r.delayMs / 1000).toFixed(1)} s`));
  for (; ; page++) {
    const reply = await postJson(guard, url, { query: { kind: "HogQLQuery", query: pageQuery(mark, api.pageSize) } }, { authorization: `Bearer ${api.apiKey}` });
    const { rows, hasMore } = readQueryReply(reply);
    if (rows.length === 0) break;
    const events: StoredEvent[] = [];
    const malformed: MalformedLine[] = [];
    for (const row of rows) {
      rowNumber++;
      try {
        events.push(parsePostHogEvent(row));
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        malformed.push({ line: rowNumber, reason: `row ${rowNumber} (uuid ${String(row["uuid"])}): ${err.key ? `${err.key}: ` : ""}${err.message}` });
      }
    }
    const last = rows[rows.length - 1] ?? {};
    const next = { timestamp: toUtcMicros(String(last["timestamp"] ?? "")) ?? "", uuid: String(last["uuid"] ?? "") };
    // Checked before it is committed: a stored watermark that no query can use would stop every later pull,
    // and one that does not move on would read the same page forever.
    if (!isSafeWatermark(next)) throw new SelfhealError(`PostHog returned a row without a readable timestamp/uuid: ${JSON.stringify(last).slice(0, 200)}`);
    if (!advances(mark, next)) throw new SelfhealError(`PostHog returned a page that does not move past ${mark?.timestamp} ${mark?.uuid} (its last row: ${next.timestamp} ${next.uuid}); is the host a PostHog app host?`);
    mark = next;
    await commitPage(warehouse, events, { source, value: JSON.stringify(mark) }, total);
    total.malformedReasons.push(...malformed);
    opts.onPage?.(`page ${page} committed: ${rows.length} rows, watermark ${mark.timestamp} ${mark.uuid}`);
    if (rows.length < api.pageSize && !hasMore) break;
  }
  return closeIngestResult(total);
}
