import { afterEach } from "vitest";
import { join } from "node:path";
import { openWarehouse } from "../warehouse/index.js";
import type { Warehouse } from "../warehouse/types.js";
import { tempDir } from "./events.js";

/**
 * For a test file: a factory of fresh warehouses (a new temp file unless a location is given), every
 * one closed after each test.
 */
export function freshWarehouses(): (location?: string) => Warehouse {
  const open: Warehouse[] = [];
  afterEach(async () => {
    for (const w of open.splice(0)) await w.close();
  });
  return (location = join(tempDir(), "warehouse.db")) => {
    const w = openWarehouse(location);
    open.push(w);
    return w;
  };
}

/** Runs `fn` with the warehouse at `location` open, and closes it after. */
export async function withWarehouseAt<T>(location: string, fn: (w: Warehouse) => Promise<T>): Promise<T> {
  const w = openWarehouse(location);
  try {
    return await fn(w);
  } finally {
    await w.close();
  }
}
