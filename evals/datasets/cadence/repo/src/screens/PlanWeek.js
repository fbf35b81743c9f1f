// /plan/week/[n]: one week of the plan (opened from the plan, or from a weekly push notification).
import { planWeek } from "../plan/weeks.js";

export async function loadPlanWeek({ plans }, number) {
  const plan = await plans.current();
  return planWeek(plan, Number(number));
}
