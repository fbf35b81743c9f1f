import { z } from "zod";

const column = (name: string, what: string) => z.string().min(1).default(name).describe(`column holding ${what}`);

/**
 * A Postgres table the team already has, for `selfheal ingest --from-table`. The defaults are the
 * layout of PostHog's batch export to Postgres; any other table maps its columns here.
 * The environment's SELFHEAL_SOURCE_DB overrides `database` (keep passwords there, not in the file).
 */
export const SourceTable = z
  .strictObject({
    database: z.string().regex(/^postgres(ql)?:\/\//).optional().describe("postgres:// URL of the source database; default: the warehouse's own database"),
    table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/).default("events").describe("the table, optionally schema-qualified"),
    columns: z
      .strictObject({
        uuid: column("uuid", "the event's unique id"),
        event: column("event", "the event name"),
        distinctId: column("distinct_id", "the user's id"),
        timestamp: column("timestamp", "when it happened (timestamptz or ISO text)"),
        properties: column("properties", "the event's properties (jsonb or JSON text)"),
        sessionId: z.string().min(1).optional().describe("column holding the session id, when it is not properties.$session_id"),
      })
      .prefault({}),
    pageSize: z.number().int().min(1).max(100_000).default(10_000).describe("rows per page; each page commits with its watermark"),
  })
  .prefault({});
export type SourceTable = z.infer<typeof SourceTable>;
