import { openSqliteWarehouse } from "./sqlite/index.js";
import type { Warehouse } from "./types.js";

export type { Warehouse } from "./types.js";

/**
 * Opens the warehouse at a location: a SQLite file path today (resolveSettings refuses database URLs
 * before this). The Postgres engine plugs in here, selected by a postgres:// URL.
 */
export function openWarehouse(location: string): Warehouse {
  return openSqliteWarehouse(location);
}
