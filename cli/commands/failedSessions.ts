import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { Analyst } from "../../state/report.js";
import { heuristicVersion } from "../../agents/analysts/heuristic.js";
import { llmVersion } from "../../agents/analysts/llm/version.js";
import type { Output } from "../output.js";

/**
 * `reports --failed`: the sessions the gatherer could not score and why (their latest failure), under
 * the current analyst versions (the rules' and, with a gatherer model, the model's), or every version.
 */
export async function printFailedSessions(warehouse: Warehouse, profile: ProductProfile, out: Output, opts: { week?: string; analyst?: Analyst; allVersions?: boolean }): Promise<void> {
  const modelName = profile.models.gatherer;
  const versions = opts.allVersions ? null : [...(opts.analyst !== "llm" ? [heuristicVersion(profile)] : []), ...(opts.analyst !== "heuristic" && modelName ? [llmVersion(profile, modelName)] : [])];
  const failures = (await warehouse.listFailures({ week: opts.week })).filter((f) => !versions || versions.includes(f.analystVersion));
  await out.result(failures, (list) => {
    for (const f of list) out.say(`${f.sessionId}  ${f.analystVersion}  failed ${f.failures}x, last at ${f.failedAt}: ${f.reason}`);
    out.say(`${list.length} sessions without a report.`);
  });
}
