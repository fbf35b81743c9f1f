import { latestRealWeek } from "../../runtime/week.js";
import type { Warehouse } from "../../warehouse/types.js";

/** The week a run works on when none is named: the latest week with a real share of the sessions, else last week. */
export async function defaultWeek(warehouse: Warehouse): Promise<string> {
  return latestRealWeek(await warehouse.sessionsPerWeek(), new Date());
}
