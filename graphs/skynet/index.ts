import { END, START, StateGraph } from "@langchain/langgraph";
import { SkynetState } from "./state.js";
import { pick } from "./nodes/pick.js";
import { afterAttempt, attempt, next } from "./nodes/attempt.js";
import { gate } from "./nodes/gate.js";
import { propose } from "./nodes/propose.js";
import { summarize } from "./nodes/summarize.js";
import { Configuration } from "../host/configuration.js";

/**
 * Skynet: bug tickets, one at a time, to a sandboxed fix verified by code; a human gate; then a PR
 * (or a local patch). Without a model each ticket gets its worktree and brief, and says so.
 */
export function buildSkynetGraph() {
  return new StateGraph(SkynetState, Configuration)
    .addNode("pick", pick)
    .addNode("attempt", attempt)
    .addNode("gate", gate)
    .addNode("propose", propose)
    .addNode("summarize", summarize)
    .addEdge(START, "pick")
    .addConditionalEdges("pick", next, ["attempt", "summarize"])
    .addConditionalEdges("attempt", afterAttempt, ["gate", "attempt", "summarize"])
    .addEdge("gate", "propose")
    .addConditionalEdges("propose", next, ["attempt", "summarize"])
    .addEdge("summarize", END);
}

export const skynetGraph = buildSkynetGraph().compile();
skynetGraph.name = "skynet";
