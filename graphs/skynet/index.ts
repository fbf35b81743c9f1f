import { END, START, StateGraph } from "@langchain/langgraph";
import { SkynetState } from "./state.js";
import { pick } from "./nodes/pick.js";
import { attempt, next } from "./nodes/attempt.js";
import { summarize } from "./nodes/summarize.js";

/** Skynet: bug tickets to isolated branches; the patch, its proof and the PR need a model and a human. */
export function buildSkynetGraph() {
  return new StateGraph(SkynetState)
    .addNode("pick", pick)
    .addNode("attempt", attempt)
    .addNode("summarize", summarize)
    .addEdge(START, "pick")
    .addConditionalEdges("pick", next, ["attempt", "summarize"])
    .addConditionalEdges("attempt", next, ["attempt", "summarize"])
    .addEdge("summarize", END);
}

export const skynetGraph = buildSkynetGraph().compile();
skynetGraph.name = "skynet";
