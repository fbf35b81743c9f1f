import type { Warehouse } from "../../warehouse/types.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { LoadedProfile } from "../../state/loadProfile.js";
import type { SessionReport } from "../../state/report.js";
import { currentReports, currentReportStream } from "../../agents/analysts/currentReports.js";
import { isIsoWeek } from "../../runtime/week.js";
import { defaultWeek } from "../../graphs/host/defaultWeek.js";
import { UsageError } from "../../runtime/errors.js";

/** What every page reads: the warehouse the app holds open, its settings and the product profile. */
export interface ReviewContext {
  settings: RunSettings;
  warehouse: Warehouse;
  loaded: LoadedProfile;
}

/** The reports that speak for a week's sessions, as the digest and the PM count them. */
export function reportsOf(ctx: ReviewContext, week: string): Promise<SessionReport[]> {
  return currentReports(ctx.warehouse, ctx.loaded.profile, week);
}

/** reportsOf's reports as they come, a page at a time (for readers that aggregate). */
export function reportStreamOf(ctx: ReviewContext, week: string): AsyncIterable<SessionReport> {
  return currentReportStream(ctx.warehouse, ctx.loaded.profile, week);
}

/** `?week=`, else the week the command line would choose. */
export async function weekOf(ctx: ReviewContext, asked: string | undefined): Promise<string> {
  if (asked === undefined || asked === "") return defaultWeek(ctx.warehouse);
  if (!isIsoWeek(asked)) throw new UsageError(`week must be an ISO week like 2026-W47, got "${asked}"`);
  return asked;
}
