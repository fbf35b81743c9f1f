import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../../runtime/context.js";
import { analyzeHeuristically } from "../../../agents/analysts/heuristic.js";
import type { SessionReport } from "../../../state/report.js";
import type { GathererStateType, GathererUpdate } from "../state.js";

/**
 * Scores one batch and stores its reports in one transaction, so a crash loses at most the batch in
 * flight. Sessions that gained a report meanwhile (a resumed run) are not scored again.
 */
export async function scoreBatch(state: GathererStateType, config: LangGraphRunnableConfig): Promise<GathererUpdate> {
  const batch = state.batch;
  if (!batch) return {};
  return withRunContext(config, async ({ warehouse, profile, log }) => {
    const ids = await warehouse.sessionsWithoutReport({
      analystVersion: state.analystVersion,
      week: state.week ?? undefined,
      range: batch,
    });
    const reports: SessionReport[] = [];
    let failed = 0;
    for (const signals of await warehouse.sessionSignals(ids)) {
      try {
        reports.push(analyzeHeuristically(signals, profile.profile));
      } catch (err) {
        failed++;
        log.warn({ sessionId: signals.sessionId, err: (err as Error).message }, "session analysis failed");
      }
    }
    await warehouse.saveReports(reports);
    log.info({ batch, scored: reports.length, failed }, "batch scored");
    config.writer?.({ stage: "gather", scored: reports.length, failed });
    return { scored: reports.length, failed };
  });
}
