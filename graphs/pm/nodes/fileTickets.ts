import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { trackerFor } from "../../../tools/tracker/index.js";
import type { PmStateType, PmUpdate, TriageSummary } from "../state.js";

/** Files the approved tickets. Idempotent by fingerprint, so a resumed run files no twin. */
export async function fileTickets(state: PmStateType, config: LangGraphRunnableConfig): Promise<PmUpdate> {
  return withRunContext(config, async ({ warehouse, profile }) => {
    const tracker = await trackerFor(profile.profile, warehouse);
    const filed: TriageSummary["filed"] = [];
    for (const proposal of state.approved) {
      const { action: _planned, ...ticket } = proposal;
      const { ticket: stored, action } = await tracker.file(ticket);
      filed.push({ fingerprint: proposal.fingerprint, ticketId: stored.id, url: stored.url, action });
    }
    return {
      triageSummary: { week: state.week ?? "", ...state.patternCounts, gate: state.gateAnswer, filed },
    };
  });
}
