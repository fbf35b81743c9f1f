import type { Warehouse } from "../types.js";
import { connectPostgres } from "./connection.js";
import { parsePostgresLocation } from "./location.js";
import { postgresEvents } from "./events.js";
import { postgresReports } from "./reports.js";
import { postgresPatterns } from "./patterns.js";
import { postgresTickets } from "./tickets.js";
import { postgresFixAttempts } from "./fixAttempts.js";
import { postgresRuns } from "./runs.js";
import { postgresVerdicts } from "./verdicts.js";
import { postgresFailures } from "./failures.js";

/**
 * The warehouse beyond one machine: one schema of a Postgres database (`?schema=` in the URL), shared
 * by every process that names it; a small pool per process.
 */
export function openPostgresWarehouse(location: string): Warehouse {
  const where = parsePostgresLocation(location);
  const pg = connectPostgres(where);
  return {
    location,
    ...postgresEvents(pg, where.schema),
    ...postgresReports(pg),
    ...postgresPatterns(pg),
    ...postgresTickets(pg, where.schema),
    ...postgresFixAttempts(pg),
    ...postgresRuns(pg),
    ...postgresVerdicts(pg),
    ...postgresFailures(pg),
    close: () => pg.close(),
  };
}
