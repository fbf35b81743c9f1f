import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { Analyst, SessionReport } from "../../state/report.js";
import { heuristicVersion } from "./heuristic.js";
import { llmVersion } from "./llm/version.js";
import { collect, keyedReports, preferModel, reportStream, REPORT_PAGE } from "./reportStream.js";

export type { Analyst } from "../../state/report.js";

/**
 * The reports that speak for a week's sessions — one per session, so nothing downstream counts a
 * session twice: of one analyst when asked; else the model's current version where the profile names
 * a gatherer model and it scored the session, and the rules' elsewhere. The one definition the PM,
 * the digest and the CLI share. Read a page at a time: a reader that keeps only what it needs holds
 * one page, whatever the week's size.
 */
export async function* currentReportStream(
  warehouse: Warehouse,
  profile: ProductProfile,
  week: string | undefined,
  analyst?: Analyst,
  pageSize = REPORT_PAGE,
): AsyncGenerator<SessionReport> {
  const modelName = profile.models.gatherer;
  const rules = { week, analystVersion: heuristicVersion(profile) };
  if (analyst === "llm" && !modelName) return;
  if (analyst === "heuristic" || !modelName) {
    yield* reportStream(warehouse, rules, pageSize);
    return;
  }
  const model = { week, analystVersion: llmVersion(profile, modelName) };
  if (analyst === "llm") yield* reportStream(warehouse, model, pageSize);
  // The rules' order (session start); sessions only the model scored follow.
  else yield* preferModel(keyedReports(warehouse, rules, pageSize), keyedReports(warehouse, model, pageSize));
}

/** currentReportStream's reports, all at once. */
export async function currentReports(warehouse: Warehouse, profile: ProductProfile, week: string | undefined, analyst?: Analyst): Promise<SessionReport[]> {
  return collect(currentReportStream(warehouse, profile, week, analyst));
}
