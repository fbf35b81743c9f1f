import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { Analyst, SessionReport } from "../../state/report.js";
import { heuristicVersion } from "./heuristic.js";
import { llmVersion } from "./llm/version.js";

export type { Analyst } from "../../state/report.js";

/**
 * The reports that speak for a week's sessions — one per session, so nothing downstream counts a
 * session twice: of one analyst when asked; else the model's current version where the profile names
 * a gatherer model and it scored the session, and the rules' elsewhere. The one definition the PM,
 * the digest and the CLI share.
 */
export async function currentReports(warehouse: Warehouse, profile: ProductProfile, week: string | undefined, analyst?: Analyst): Promise<SessionReport[]> {
  const modelName = profile.models.gatherer;
  const llm = modelName ? await warehouse.listReports({ week, analystVersion: llmVersion(profile, modelName) }) : [];
  if (analyst === "llm") return llm;
  const rules = await warehouse.listReports({ week, analystVersion: heuristicVersion(profile) });
  if (analyst === "heuristic" || llm.length === 0) return rules;
  const llmById = new Map(llm.map((r) => [r.sessionId, r]));
  const ruled = new Set(rules.map((r) => r.sessionId));
  // The rules' order (session start); sessions only the model scored follow.
  return [...rules.map((r) => llmById.get(r.sessionId) ?? r), ...llm.filter((r) => !ruled.has(r.sessionId))];
}
