import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../../runtime/context.js";
import { attemptFix } from "../../../agents/skynet/attemptFix.js";
import { modelFor } from "../../../agents/models.js";
import type { SkynetStateType, SkynetUpdate } from "../state.js";

/** Attempts the ticket under the cursor and records the attempt against it. */
export async function attempt(state: SkynetStateType, config: LangGraphRunnableConfig): Promise<SkynetUpdate> {
  const ticketId = state.queue[state.cursor];
  if (!ticketId) return { cursor: state.cursor + 1 };
  return withRunContext(config, async ({ warehouse, profile, models, settings }) => {
    const ticket = await warehouse.ticket(ticketId);
    if (!ticket || !profile.repoPath) return { cursor: state.cursor + 1 };
    const result = await attemptFix(ticket, {
      repoPath: profile.repoPath,
      dataDir: settings.dataDir,
      profile: profile.profile,
      model: modelFor("skynet", profile.profile, models),
    });
    await warehouse.saveFixAttempt(result);
    return { cursor: state.cursor + 1 };
  });
}

export function next(state: SkynetStateType): "attempt" | "summarize" {
  return state.cursor < state.queue.length ? "attempt" : "summarize";
}
