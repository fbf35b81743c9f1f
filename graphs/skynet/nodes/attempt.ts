import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { attemptFix } from "../../../agents/skynet/attemptFix.js";
import { defaultPrBody, defaultPrTitle } from "../../../agents/skynet/proposal.js";
import { modelFor } from "../../../agents/models.js";
import { advance, type SkynetStateType, type SkynetUpdate } from "../state.js";

/**
 * Attempts the ticket under the cursor. A verified change goes to the gate; anything else is recorded
 * against the ticket, which goes back to open for a human, and the cursor moves on.
 */
export async function attempt(state: SkynetStateType, config: LangGraphRunnableConfig): Promise<SkynetUpdate> {
  const ticketId = state.queue[state.cursor];
  if (!ticketId) return advance(state);
  return withRunContext(config, async ({ warehouse, profile, models, settings, log }) => {
    const ticket = await warehouse.ticket(ticketId);
    if (!ticket || !profile.repoPath) return advance(state);
    const model = await modelFor("skynet", profile.profile, models);
    if (model) await warehouse.updateTicket(ticket.id, { status: "in_progress" });
    const outcome = await attemptFix(ticket, {
      repoPath: profile.repoPath,
      dataDir: settings.dataDir,
      loaded: profile,
      model,
      attemptNo: state.attemptNo,
      instructions: state.instructions,
    });
    if (outcome.proposal) {
      const d = outcome.attempt.details;
      const body = defaultPrBody(ticket, outcome.proposal, d?.files ?? [], d?.reproTests ?? []);
      return { pending: { attempt: outcome.attempt, proposal: outcome.proposal, title: defaultPrTitle(ticket), body }, decision: null };
    }
    log.info({ ticket: ticket.id, status: outcome.attempt.status }, outcome.attempt.reason);
    await warehouse.saveFixAttempt(outcome.attempt);
    if (model) await warehouse.updateTicket(ticket.id, { status: "open" });
    return advance(state);
  });
}

export function next(state: SkynetStateType): "attempt" | "summarize" {
  return state.cursor < state.queue.length ? "attempt" : "summarize";
}

export function afterAttempt(state: SkynetStateType): "gate" | "attempt" | "summarize" {
  return state.pending ? "gate" : next(state);
}
