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
import { ImportThread } from "./importThread.js";

/** The one-machine warehouse: a single SQLite file in WAL mode, every store on one connection. */
export function openSqliteWarehouse(path: string): Warehouse {
  const { db, location } = openDatabase(path);
  // A file's imports run on a worker thread beside the reading and parsing; an in-memory database is
  // one connection's alone, so its imports stay on it.
  const importer = location === ":memory:" ? null : new ImportThread(location);
  return {
    location,
    ...sqliteEvents(db, importer),
    ...sqliteReports(db),
    ...sqlitePatterns(db),
    ...sqliteTickets(db),
    ...sqliteFixAttempts(db),
    ...sqliteRuns(db),
    ...sqliteVerdicts(db),
    ...sqliteFailures(db),
    async close(): Promise<void> {
      await importer?.close();
      db.close();
    },
  };
}
