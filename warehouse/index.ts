import { SqliteWarehouse } from "./sqlite.js";
import type { Warehouse } from "./types.js";

export type { Warehouse } from "./types.js";

/** Opens the warehouse named by a path (SQLite); a postgres:// URL will select the Postgres engine. */
export function openWarehouse(location: string): Warehouse {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error("the Postgres warehouse is not built yet; use a SQLite file path");
  }
  return new SqliteWarehouse(location);
}
