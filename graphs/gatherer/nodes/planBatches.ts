import { Send, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { heuristicVersion } from "../../../agents/analysts/heuristic.js";
import { chooseAnalyst, llmVersionFor } from "../../../agents/analysts/llm/setup.js";
import type { SessionRange } from "../../../warehouse/types.js";
import type { UnreportedQuery } from "../../../warehouse/stores/reports.js";
import type { ProductProfile } from "../../../state/profile.js";
import type { GathererStateType, GathererUpdate } from "../state.js";

/** Sessions per Send: LangGraph's per-Send overhead grows faster than linearly, so fan out over batches. */
export const BATCH_SIZE = 250;

/** Finds the sessions without a current report and cuts them into id ranges. */
export async function planBatches(state: GathererStateType, config: LangGraphRunnableConfig): Promise<GathererUpdate> {
  return withRunContext(config, async ({ warehouse, profile, models }) => {
    const analyst = chooseAnalyst(state.analyst, profile.profile, models);
    // With no model for --analyst llm this throws a usage error naming the setting to add.
    const rulesVersion = heuristicVersion(profile.profile);
    const analystVersion = analyst === "heuristic" ? rulesVersion : llmVersionFor(profile.profile, models);
    const week = state.week ?? undefined;
    const unscored = await warehouse.sessionsWithoutReport({ analystVersion, week, unlessConfident: cascadeStandingReports(analyst, profile.profile, rulesVersion) });
    const pending = state.limit ? unscored.slice(0, state.limit) : unscored;
    // For hosts that show progress: how many sessions this run will score.
    config.writer?.({ stage: "gather", planned: pending.length });
    const total = await warehouse.countSessions(week);
    const plannedBatches: SessionRange[] = [];
    for (let i = 0; i < pending.length; i += BATCH_SIZE) {
      const ids = pending.slice(i, i + BATCH_SIZE);
      const fromId = ids[0];
      const toId = ids.at(-1);
      if (fromId && toId) plannedBatches.push({ fromId, toId });
    }
    return { analyst, analystVersion, skipped: total - unscored.length, plannedBatches };
  });
}

/** Routes to one scoreBatch task per batch, or straight to the summary when nothing is pending. */
export function fanOut(state: GathererStateType): Send[] | "summarize" {
  const batches = state.plannedBatches;
  if (batches.length === 0) return "summarize";
  return batches.map((batch) => new Send("scoreBatch", { batch, week: state.week, analystVersion: state.analystVersion, limit: state.limit, analyst: state.analyst, concurrency: state.concurrency }));
}

/**
 * The cascade's pending sessions are those with no model report and no rules report confident enough to
 * stand; one definition for planning the batches and for claiming each one. Other analysts: undefined.
 */
export function cascadeStandingReports(analyst: GathererStateType["analyst"], profile: ProductProfile, rulesVersion = heuristicVersion(profile)): UnreportedQuery["unlessConfident"] {
  return analyst === "cascade" ? { analystVersion: rulesVersion, atLeast: profile.gatherer.cascadeThreshold } : undefined;
}
