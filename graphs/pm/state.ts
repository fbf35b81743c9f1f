import { Annotation } from "@langchain/langgraph";
import type { FileAction, TicketProposal } from "../../tools/tracker/types.js";

/** A ticket the PM wants to file or update, as shown at the gate. */
export interface GatedProposal extends TicketProposal {
  /** What filing it would do to the tracker. */
  action: FileAction;
}

/** The stage's result, the one key the weekly graph reads back. */
export interface TriageSummary {
  week: string;
  patterns: number;
  ticketed: number;
  flagged: number;
  gate: "accepted" | "edited" | "ignored" | "nothing_to_file";
  filed: { fingerprint: string; ticketId: string; url: string; action: FileAction }[];
}

export const PmState = Annotation.Root({
  /** ISO week to triage (YYYY-Www). */
  week: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Tickets proposed for this week's patterns that would change the tracker (one per pattern at most). */
  proposals: Annotation<GatedProposal[]>({ reducer: (_a, b) => b, default: () => [] }),
  /** The proposals the human approved, possibly edited. */
  approved: Annotation<GatedProposal[]>({ reducer: (_a, b) => b, default: () => [] }),
  /** How the gate was answered. */
  gateAnswer: Annotation<TriageSummary["gate"]>({ reducer: (_a, b) => b, default: () => "nothing_to_file" }),
  /** Pattern counts of the analysis. */
  patternCounts: Annotation<{ patterns: number; ticketed: number; flagged: number }>({
    reducer: (_a, b) => b,
    default: () => ({ patterns: 0, ticketed: 0, flagged: 0 }),
  }),
  triageSummary: Annotation<TriageSummary | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type PmStateType = typeof PmState.State;
export type PmUpdate = typeof PmState.Update;
