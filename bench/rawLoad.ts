import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { EventFields } from "../warehouse/sqlite/importMessages.js";

/** The columns a raw load keeps of each PostHog export line: what the warehouse stores (properties as JSON text), no more. */
export type RawRow = EventFields;

/**
 * The baselines' reading of an export: each JSON line parsed and its columns picked, nothing checked,
 * no dedup, no sessions. What any loader of the same lines must at least do.
 */
export async function* rawRows(file: string): AsyncGenerator<RawRow> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    const e = JSON.parse(line) as { uuid: string; event: string; distinct_id: string; timestamp: string; properties?: Record<string, unknown> };
    const session = e.properties?.["$session_id"];
    yield { uuid: e.uuid, event: e.event, distinctId: e.distinct_id, timestamp: e.timestamp, sessionId: typeof session === "string" ? session : null, properties: JSON.stringify(e.properties ?? {}) };
  }
}
