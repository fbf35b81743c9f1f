import { END, START, StateGraph } from "@langchain/langgraph";
import { WeeklyState } from "./state.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { buildPmGraph } from "../pm/index.js";
import { buildSkynetGraph } from "../skynet/index.js";
import { buildReviewGraph } from "../review/index.js";
import { buildVerifyGraph } from "../verify/index.js";
import { Configuration } from "../host/configuration.js";

/**
 * The week end to end: gather -> triage -> fix -> verify -> review, each stage a subgraph. Verify closes
 * the loop on the fixes shipped before; it runs before the review so the digest shows its verdicts.
 * Run on one thread per ISO week with a checkpointer, it resumes where it stopped: after a crash, or at
 * a human gate.
 */
export function buildWeeklyGraph() {
  return new StateGraph(WeeklyState, Configuration)
    .addNode("gather", buildGathererGraph().compile())
    .addNode("triage", buildPmGraph().compile())
    .addNode("fix", buildSkynetGraph().compile())
    .addNode("verify", buildVerifyGraph().compile())
    .addNode("review", buildReviewGraph().compile())
    .addEdge(START, "gather")
    .addEdge("gather", "triage")
    .addEdge("triage", "fix")
    .addEdge("fix", "verify")
    .addEdge("verify", "review")
    .addEdge("review", END);
}

export const weeklyGraph = buildWeeklyGraph().compile();
weeklyGraph.name = "weekly";
