import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { openProposal } from "../../../agents/skynet/proposal.js";
import { trackerFor } from "../../../tools/tracker/index.js";
import { advance, type SkynetStateType, type SkynetUpdate } from "../state.js";

/**
 * Carries out the gate's answer: opens the PR (or writes the local patch) and moves the ticket to
 * review with the link; records a decline as rejected; or sends the ticket back for another attempt.
 */
export async function propose(state: SkynetStateType, config: LangGraphRunnableConfig): Promise<SkynetUpdate> {
  const pending = state.pending;
  const decision = state.decision ?? { type: "ignore" as const };
  if (!pending) return advance(state);
  return withRunContext(config, async ({ warehouse, profile, settings }) => {
    const ticket = await warehouse.ticket(pending.proposal.ticketId);
    if (decision.type === "response" && state.attemptNo < profile.profile.skynet.maxAttempts) {
      return { pending: null, decision: null, attemptNo: state.attemptNo + 1, instructions: decision.instructions };
    }
    if (decision.type === "accept" && ticket) {
      const pr = await openProposal(pending.proposal, { loaded: profile, dataDir: settings.dataDir, title: decision.title, body: decision.body });
      const details = pending.attempt.details ? { ...pending.attempt.details, patchPath: pr.patchPath } : undefined;
      await warehouse.saveFixAttempt({ ...pending.attempt, status: "pr_opened", prUrl: pr.url, reason: pr.reason, details, createdAt: new Date().toISOString() });
      await (await trackerFor(profile.profile, warehouse)).markInReview(ticket, pr.url);
      return advance(state);
    }
    const reason =
      decision.type === "response"
        ? `the reviewer asked for another attempt, but the limit of ${profile.profile.skynet.maxAttempts} attempts is reached: ${decision.instructions}`
        : "the reviewer declined the pull request at the gate";
    await warehouse.saveFixAttempt({ ...pending.attempt, status: "rejected", reason, createdAt: new Date().toISOString() });
    if (ticket) await warehouse.updateTicket(ticket.id, { status: "open" });
    return advance(state);
  });
}
