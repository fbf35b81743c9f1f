import type { GathererStateType, GathererUpdate } from "../state.js";

export function summarize(state: GathererStateType): GathererUpdate {
  return {
    gatherSummary: {
      scored: state.scored,
      skipped: state.skipped,
      failed: state.failed,
      analyst: state.analyst,
      analystVersion: state.analystVersion,
    },
  };
}
