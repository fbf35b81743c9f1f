import pg from "pg";
import { SelfhealError } from "../../runtime/errors.js";
import { redactUrl } from "./connection.js";
import { parsePostgresLocation } from "./location.js";

/**
 * Whether the URL's schema holds a selfheal warehouse (its schema_version table), asked without
 * creating anything: opening a warehouse migrates, which would make an empty one where a reading
 * command was pointed at the wrong place.
 */
export async function postgresWarehouseExists(location: string): Promise<{ exists: boolean; where: string }> {
  const { connectionString, schema } = parsePostgresLocation(location);
  const where = `schema "${schema}" of ${redactUrl(connectionString)}`;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`"${schema}".schema_version`]);
    return { exists: rows[0]?.found != null, where };
  } catch (err) {
    throw new SelfhealError(`cannot reach the Postgres warehouse, ${where}: ${(err as Error).message}`, { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}
