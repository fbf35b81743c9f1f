import { basename, extname, join } from "node:path";
import { DEFAULT_SCHEMA, isPostgresUrl, parsePostgresLocation } from "../../warehouse/postgres/location.js";

const DEFAULT_SQLITE_NAME = "warehouse";

/**
 * Where a warehouse's digests go by default: `digests/` of its data folder, and `digests/<name>/` for a
 * warehouse not of the default name (`other.db`, `?schema=team_b`). Two warehouses share a data folder
 * (two SQLite files side by side, or every Postgres schema's `.selfheal/`), and each would otherwise write
 * its week over the other's `<week>.html`.
 */
export function digestFolder(settings: { db: string; dataDir: string }): string {
  const name = ownName(settings.db);
  return name ? join(settings.dataDir, "digests", name) : join(settings.dataDir, "digests");
}

function ownName(db: string): string | null {
  if (isPostgresUrl(db)) {
    const { schema } = parsePostgresLocation(db);
    return schema === DEFAULT_SCHEMA ? null : schema;
  }
  const stem = basename(db, extname(db));
  return stem === DEFAULT_SQLITE_NAME || !stem ? null : stem;
}
