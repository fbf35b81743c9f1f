import { END, START, StateGraph } from "@langchain/langgraph";
import { Configuration } from "../host/configuration.js";
import { VerifyState } from "./state.js";
import { checkShippedFixes } from "./nodes/check.js";

/** Weeks after: each shipped fix against the sessions that followed it; a fix that did not hold reopens its ticket. */
export function buildVerifyGraph() {
  return new StateGraph(VerifyState, Configuration).addNode("checkShippedFixes", checkShippedFixes).addEdge(START, "checkShippedFixes").addEdge("checkShippedFixes", END);
}

export const verifyGraph = buildVerifyGraph().compile();
verifyGraph.name = "verify";
