import { afterAll, afterEach, describe } from "vitest";
import { join } from "node:path";
import { openWarehouse } from "../index.js";
import type { Warehouse } from "../types.js";
import { tempDir } from "../../testing/events.js";
import { postgresSchemas } from "../../testing/postgres.js";

/** How the conformance suite gets warehouses of one engine. */
export interface EngineFactory {
  name: string;
  /** A fresh, empty warehouse location of its own: a temp file, or a new schema or database of a server. */
  newLocation(): Promise<string>;
  /** Drops what newLocation made, once a test file is done (a server engine's schemas). */
  dropAll?(): Promise<void>;
}

const sqlite: EngineFactory = { name: "sqlite", newLocation: async () => join(tempDir(), "warehouse.db") };

function postgres(): EngineFactory {
  const schemas = postgresSchemas();
  return { name: "postgres", newLocation: async () => schemas.newUrl(), dropAll: () => schemas.drop() };
}

/** Every engine the suite runs on. A new engine joins by adding its factory here. */
export const ENGINES: EngineFactory[] = [sqlite, postgres()];

export interface EngineWarehouses {
  /** A new, empty warehouse. */
  fresh(): Promise<Warehouse>;
  /** Another connection to a warehouse (for what other connections see). */
  connect(location: string): Warehouse;
}

/**
 * One describe block per engine; every warehouse a test opens is closed after it. The body states the
 * guarantees once; each engine must pass all of them.
 */
export function describeEachEngine(title: string, body: (w: EngineWarehouses) => void): void {
  for (const engine of ENGINES) {
    describe(`${title} [${engine.name}]`, () => {
      const open: Warehouse[] = [];
      afterEach(async () => {
        for (const w of open.splice(0)) await w.close();
      });
      afterAll(async () => engine.dropAll?.());
      const connect = (location: string): Warehouse => {
        const w = openWarehouse(location);
        open.push(w);
        return w;
      };
      body({ fresh: async () => connect(await engine.newLocation()), connect });
    });
  }
}
