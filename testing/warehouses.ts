import { afterEach } from "vitest";
import { join } from "node:path";
import { SqliteWarehouse } from "../warehouse/sqlite.js";
import { tempDir } from "./events.js";

/**
 * For a test file: a factory of fresh SQLite warehouses (a new temp file unless a path is given), every
 * one closed after each test.
 */
export function freshWarehouses(): (path?: string) => SqliteWarehouse {
  const open: SqliteWarehouse[] = [];
  afterEach(async () => {
    for (const w of open.splice(0)) await w.close();
  });
  return (path = join(tempDir(), "warehouse.db")) => {
    const w = new SqliteWarehouse(path);
    open.push(w);
    return w;
  };
}

/** Runs `fn` with the warehouse at `db` open, and closes it after. */
export async function withWarehouseAt<T>(db: string, fn: (w: SqliteWarehouse) => Promise<T>): Promise<T> {
  const w = new SqliteWarehouse(db);
  try {
    return await fn(w);
  } finally {
    await w.close();
  }
}
