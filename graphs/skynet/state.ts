import { Annotation } from "@langchain/langgraph";
import type { FixAttempt, FixStatus } from "../../state/ticket.js";
import type { Proposal } from "../../agents/skynet/proposal.js";

/** One line of the `fix --json` contract. */
export interface AttemptLine {
  ticket: string;
  status: FixStatus;
  branch: string;
  pr: { url: string } | null;
  tests: { before: string | null; after: string | null };
  reason: string;
}

/** A verified change at the PR gate, with the PR text a reviewer may edit. */
export interface PendingFix {
  attempt: FixAttempt;
  proposal: Proposal;
  title: string;
  body: string;
}

/** The reviewer's answer at the PR gate, reduced to what the propose step needs. */
export type GateDecision =
  | { type: "accept"; title: string; body: string }
  | { type: "ignore" }
  | { type: "response"; instructions: string };

export const SkynetState = Annotation.Root({
  /** Ticket ids picked for this run, most important first. */
  queue: Annotation<string[]>({ reducer: (_a, b) => b, default: () => [] }),
  /** Index of the next ticket to attempt: tickets are worked one at a time, each checkpointed. */
  cursor: Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  /** The ticket under the cursor's verified change, waiting for the gate; null otherwise. */
  pending: Annotation<PendingFix | null>({ reducer: (_a, b) => b, default: () => null }),
  /** The gate's answer for the pending change. */
  decision: Annotation<GateDecision | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Which attempt at the ticket under the cursor this is (a reviewer's "respond" asks for another). */
  attemptNo: Annotation<number>({ reducer: (_a, b) => b, default: () => 1 }),
  /** The reviewer's instructions for the next attempt. */
  instructions: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** The stage's result, the one key the weekly graph reads back. */
  fixSummary: Annotation<{ attempts: AttemptLine[] } | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type SkynetStateType = typeof SkynetState.State;
export type SkynetUpdate = typeof SkynetState.Update;

/** Moving on to the next ticket clears the per-ticket keys. */
export function advance(state: SkynetStateType): SkynetUpdate {
  return { cursor: state.cursor + 1, pending: null, decision: null, attemptNo: 1, instructions: null };
}
