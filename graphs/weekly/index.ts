import { END, START, StateGraph } from "@langchain/langgraph";
import { WeeklyState } from "./state.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { buildPmGraph } from "../pm/index.js";
import { buildSkynetGraph } from "../skynet/index.js";
import { buildReviewGraph } from "../review/index.js";
import { Configuration } from "../host/configuration.js";

/**
 * The week end to end: gather -> triage -> fix -> review, each stage a subgraph. Run on one thread per
 * ISO week with a checkpointer, it resumes where it stopped: after a crash, or at a human gate.
 */
export function buildWeeklyGraph() {
  return new StateGraph(WeeklyState, Configuration)
    .addNode("gather", buildGathererGraph().compile())
    .addNode("triage", buildPmGraph().compile())
    .addNode("fix", buildSkynetGraph().compile())
    .addNode("review", buildReviewGraph().compile())
    .addEdge(START, "gather")
    .addEdge("gather", "triage")
    .addEdge("triage", "fix")
    .addEdge("fix", "review")
    .addEdge("review", END);
}

export const weeklyGraph = buildWeeklyGraph().compile();
weeklyGraph.name = "weekly";
