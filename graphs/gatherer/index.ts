import { END, START, StateGraph } from "@langchain/langgraph";
import { GathererState } from "./state.js";
import { fanOut, planBatches } from "./nodes/planBatches.js";
import { scoreBatch } from "./nodes/scoreBatch.js";
import { summarize } from "./nodes/summarize.js";
import { Configuration } from "../host/configuration.js";

/** Context Gatherer: an implied-NPS report for every session that has none for the current analyst. */
export function buildGathererGraph() {
  return new StateGraph(GathererState, Configuration)
    .addNode("plan", planBatches)
    .addNode("scoreBatch", scoreBatch)
    .addNode("summarize", summarize)
    .addEdge(START, "plan")
    .addConditionalEdges("plan", fanOut, ["scoreBatch", "summarize"])
    .addEdge("scoreBatch", "summarize")
    .addEdge("summarize", END);
}

/** Compiled without a checkpointer: hosts (CLI, LangGraph Server) bring their own. */
export const gathererGraph = buildGathererGraph().compile();
gathererGraph.name = "gatherer";
