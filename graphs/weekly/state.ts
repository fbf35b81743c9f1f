import { Annotation } from "@langchain/langgraph";
import type { GatherSummary } from "../gatherer/state.js";
import type { TriageSummary } from "../pm/state.js";
import type { AttemptLine } from "../skynet/state.js";
import type { DigestSummary } from "../../agents/review/writeDigest.js";
import type { VerifySummary } from "../verify/state.js";

/**
 * The weekly loop's state: the week and each stage's small summary. The stages are subgraphs that
 * share these keys by name; everything else stays inside them or in the warehouse.
 */
export const WeeklyState = Annotation.Root({
  /** ISO week of this thread (YYYY-Www): one checkpointed thread per week. */
  week: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Where the review writes its digest; null for the data folder's default. */
  digestOut: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  gatherSummary: Annotation<GatherSummary | null>({ reducer: (_a, b) => b, default: () => null }),
  triageSummary: Annotation<TriageSummary | null>({ reducer: (_a, b) => b, default: () => null }),
  fixSummary: Annotation<{ attempts: AttemptLine[] } | null>({ reducer: (_a, b) => b, default: () => null }),
  verifySummary: Annotation<VerifySummary | null>({ reducer: (_a, b) => b, default: () => null }),
  digest: Annotation<{ path: string; summary: DigestSummary } | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type WeeklyStateType = typeof WeeklyState.State;
