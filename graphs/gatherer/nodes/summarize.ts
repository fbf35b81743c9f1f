import type { GathererStateType, GathererUpdate } from "../state.js";

export function summarize(state: GathererStateType): GathererUpdate {
  if (state.analyst === "auto") throw new Error("the plan chooses the analyst before anything is scored");
  return {
    gatherSummary: {
      scored: state.scored,
      skipped: state.skipped,
      failed: state.failed,
      analyst: state.analyst,
      analystVersion: state.analystVersion,
      firstFailure: state.firstFailure,
      failures: state.failures,
      ...(state.analyst === "cascade" ? { escalated: state.escalated } : {}),
    },
  };
}
