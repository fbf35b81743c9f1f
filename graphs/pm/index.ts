import { END, START, StateGraph } from "@langchain/langgraph";
import { PmState } from "./state.js";
import { analyze } from "./nodes/analyze.js";
import { ticketGate } from "./nodes/ticketGate.js";
import { fileTickets } from "./nodes/fileTickets.js";
import { Configuration } from "../host/configuration.js";

/** The PM: the week's patterns, their code locations and decisions, and tickets behind a human gate. */
export function buildPmGraph() {
  return new StateGraph(PmState, Configuration)
    .addNode("analyze", analyze)
    .addNode("ticketGate", ticketGate)
    .addNode("fileTickets", fileTickets)
    .addEdge(START, "analyze")
    .addEdge("analyze", "ticketGate")
    .addEdge("ticketGate", "fileTickets")
    .addEdge("fileTickets", END);
}

export const pmGraph = buildPmGraph().compile();
pmGraph.name = "pm";
