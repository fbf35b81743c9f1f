import { Annotation } from "@langchain/langgraph";
import type { FixStatus } from "../../state/ticket.js";

/** One line of the `fix --json` contract. */
export interface AttemptLine {
  ticket: string;
  status: FixStatus;
  branch: string;
  pr: { url: string } | null;
  tests: { before: string | null; after: string | null };
  reason: string;
}

export const SkynetState = Annotation.Root({
  /** Ticket ids picked for this run, most important first. */
  queue: Annotation<string[]>({ reducer: (_a, b) => b, default: () => [] }),
  /** Index of the next ticket to attempt: tickets are worked one at a time, each checkpointed. */
  cursor: Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  /** The stage's result, the one key the weekly graph reads back. */
  fixSummary: Annotation<{ attempts: AttemptLine[] } | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type SkynetStateType = typeof SkynetState.State;
export type SkynetUpdate = typeof SkynetState.Update;
