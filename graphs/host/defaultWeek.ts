import { previousWeek } from "../../runtime/week.js";
import type { Warehouse } from "../../warehouse/types.js";

/** The week a run works on when none is named: the latest week with sessions, else last week. */
export async function defaultWeek(warehouse: Warehouse): Promise<string> {
  return (await warehouse.latestWeek()) ?? previousWeek(new Date());
}
