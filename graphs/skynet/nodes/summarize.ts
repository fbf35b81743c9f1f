import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import type { AttemptLine, SkynetStateType, SkynetUpdate } from "../state.js";

/** This run's attempts, read back from the warehouse (the record), not accumulated in state. */
export async function summarize(state: SkynetStateType, config: LangGraphRunnableConfig): Promise<SkynetUpdate> {
  return withRunContext(config, async ({ warehouse }) => {
    const attempts: AttemptLine[] = [];
    for (const ticketId of state.queue) {
      const a = await warehouse.fixAttempt(ticketId);
      if (!a) continue;
      attempts.push({
        ticket: a.ticketId,
        status: a.status,
        branch: a.branch,
        pr: a.prUrl ? { url: a.prUrl } : null,
        tests: { before: a.testsBefore, after: a.testsAfter },
        reason: a.reason,
      });
    }
    return { fixSummary: { attempts } };
  });
}
