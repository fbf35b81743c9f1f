import { openSqliteWarehouse } from "./sqlite/index.js";
import { openPostgresWarehouse } from "./postgres/index.js";
import { isPostgresUrl } from "./postgres/location.js";
import type { Warehouse } from "./types.js";

export type { Warehouse } from "./types.js";

/** Opens the warehouse at a location: a postgres:// URL (its `?schema=`, default `selfheal`), else a SQLite file path. */
export function openWarehouse(location: string): Warehouse {
  return isPostgresUrl(location) ? openPostgresWarehouse(location) : openSqliteWarehouse(location);
}
