import { openDatabase } from "./connection.js";
import { sqliteEvents } from "./events.js";
import { sqliteReports } from "./reports.js";
import { sqlitePatterns } from "./patterns.js";
import { sqliteTickets } from "./tickets.js";
import { sqliteFixAttempts } from "./fixAttempts.js";
import { sqliteRuns } from "./runs.js";
import { sqliteVerdicts } from "./verdicts.js";
import { sqliteFailures } from "./failures.js";
import type { Warehouse } from "../types.js";

/** The one-machine warehouse: a single SQLite file in WAL mode, every store on one connection. */
export function openSqliteWarehouse(path: string): Warehouse {
  const { db, location } = openDatabase(path);
  return {
    location,
    ...sqliteEvents(db),
    ...sqliteReports(db),
    ...sqlitePatterns(db),
    ...sqliteTickets(db),
    ...sqliteFixAttempts(db),
    ...sqliteRuns(db),
    ...sqliteVerdicts(db),
    ...sqliteFailures(db),
    async close(): Promise<void> {
      db.close();
    },
  };
}
