import { SqliteWarehouse } from "./sqlite.js";
import type { Warehouse } from "./types.js";

export type { Warehouse } from "./types.js";

/** Opens the warehouse at a SQLite file path (resolveSettings refuses database URLs before this). */
export function openWarehouse(location: string): Warehouse {
  return new SqliteWarehouse(location);
}
