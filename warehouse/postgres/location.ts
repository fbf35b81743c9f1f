import { InputError } from "../../runtime/errors.js";

/** A Postgres warehouse: a database and, inside it, the schema that holds its tables (and its checkpoints). */
export interface PostgresLocation {
  /** The connection string without selfheal's own `schema` parameter. */
  connectionString: string;
  schema: string;
}

export const DEFAULT_SCHEMA = "selfheal";

export { isPostgresUrl } from "../../runtime/settings.js";

/**
 * Reads `postgres://user@host:5432/db?schema=team_a`: the schema (default `selfheal`) keeps one
 * warehouse's tables and checkpoint threads apart from another's in the same database.
 */
export function parsePostgresLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch (err) {
    throw new InputError("not a valid postgres:// URL", { key: "--db" }, { cause: err });
  }
  const schema = url.searchParams.get("schema") ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new InputError(`schema "${schema}" must be lower-case letters, digits and underscores, starting with a letter or underscore`, { key: "--db ?schema" });
  }
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}
