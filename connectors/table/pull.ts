import type { Warehouse } from "../../warehouse/types.js";
import type { StoredEvent } from "../../state/session.js";
import type { SourceTable } from "../../state/profileSections/sourceTable.js";
import type { IngestResult } from "../ingest.js";
import { parsePostHogEvent, RecordError } from "../posthog/event.js";
import { closeIngestResult, commitPage, emptyIngestResult } from "../pageCommit.js";

/** Where the last committed page ended: the last row's timestamp (as Postgres prints it) and uuid. */
interface TableMark {
  timestamp: string;
  uuid: string;
}

const ident = (name: string): string => name.split(".").map((part) => `"${part.replaceAll('"', '""')}"`).join(".");

/** One keyset page after the mark, in (timestamp, uuid) order; the mark columns are text for the next page. */
function pageSql(t: SourceTable, after: boolean): string {
  const c = t.columns;
  const [ts, uuid] = [ident(c.timestamp), ident(c.uuid)];
  const session = c.sessionId ? `, ${ident(c.sessionId)}::text AS session_id` : "";
  // $2 takes the column's own type (timestamptz or text): the mark is how Postgres printed it, to the microsecond.
  const where = after ? `WHERE (${ts}, ${uuid}::text) > ($2, $3)` : "";
  return `SELECT ${uuid}::text AS uuid, ${ident(c.event)}::text AS event, ${ident(c.distinctId)}::text AS distinct_id,
      ${ts} AS timestamp, ${ts}::text AS mark, ${ident(c.properties)} AS properties${session}
    FROM ${ident(t.table)} ${where} ORDER BY ${ts}, ${uuid}::text LIMIT $1`;
}

/**
 * Incremental import from a Postgres table (PostHog's batch export by default), in keyset pages from
 * the stored watermark; each page commits with its watermark, so a crash resumes after the last page.
 */
export async function pullTable(warehouse: Warehouse, source: { database: string; table: SourceTable }, onPage?: (line: string) => void): Promise<IngestResult> {
  const { default: pg } = await import("pg"); // loaded only when a table is pulled
  const client = new pg.Client({ connectionString: source.database });
  await client.connect();
  try {
    const url = new URL(source.database);
    const key = `table:${url.host}${url.pathname}/${source.table.table}`;
    const stored = await warehouse.watermark(key);
    let mark = stored ? (JSON.parse(stored) as TableMark) : null;
    onPage?.(mark ? `resuming after ${mark.timestamp} ${mark.uuid}` : `no watermark yet: reading ${source.table.table} from its first row`);
    const total = emptyIngestResult();
    let rowNumber = 0;
    for (let page = 1; ; page++) {
      const params: unknown[] = mark ? [source.table.pageSize, mark.timestamp, mark.uuid] : [source.table.pageSize];
      const { rows } = await client.query<Record<string, unknown>>(pageSql(source.table, mark !== null), params);
      const last = rows.at(-1);
      if (!last) break;
      const events: StoredEvent[] = [];
      for (const row of rows) {
        rowNumber++;
        const timestamp = row["timestamp"] instanceof Date ? row["timestamp"].toISOString() : row["timestamp"];
        try {
          events.push(parsePostHogEvent({ ...row, timestamp }));
        } catch (err) {
          if (!(err instanceof RecordError)) throw err;
          total.malformedReasons.push({ line: rowNumber, reason: `row ${rowNumber} (uuid ${String(row["uuid"])}): ${err.key ? `${err.key}: ` : ""}${err.message}` });
        }
      }
      mark = { timestamp: String(last["mark"]), uuid: String(last["uuid"]) };
      await commitPage(warehouse, events, { source: key, value: JSON.stringify(mark) }, total);
      onPage?.(`page ${page} committed: ${rows.length} rows, watermark ${mark.timestamp} ${mark.uuid}`);
      if (rows.length < source.table.pageSize) break;
    }
    return closeIngestResult(total);
  } finally {
    await client.end();
  }
}
