import pg from "pg";
import { parsePostgresLocation } from "./location.js";
import { redactUrl } from "./connection.js";
import { SelfhealError } from "../../runtime/errors.js";

async function withClient<T>(location: string, fn: (client: pg.Client, schema: string) => Promise<T>): Promise<T> {
  const { connectionString, schema } = parsePostgresLocation(location);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new SelfhealError(`cannot reach the Postgres warehouse, schema "${schema}" of ${redactUrl(connectionString)}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return await fn(client, schema);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the URL's schema exists at all (with or without a warehouse in it), asked without creating it. */
export function postgresSchemaExists(location: string): Promise<boolean> {
  return withClient(location, async (client, schema) => {
    const { rows } = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema]);
    return rows.length > 0;
  });
}

/**
 * Drops a schema that a failed first import created, as the SQLite engine deletes its empty file, so
 * that the next command finds no warehouse there rather than an empty one. The events table is locked
 * first and must be empty: an import of another process that committed meanwhile keeps the schema.
 */
export function dropEmptyPostgresSchema(location: string): Promise<boolean> {
  return withClient(location, async (client, schema) => {
    await client.query("BEGIN");
    try {
      await client.query(`LOCK TABLE "${schema}".events IN ACCESS EXCLUSIVE MODE`);
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".events`);
      const empty = Number(rows[0]?.n ?? 1) === 0;
      if (empty) await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.query("COMMIT");
      return empty;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
  });
}
