import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { pickTickets } from "../../../agents/skynet/pickTickets.js";
import { modelConfigured } from "../../../agents/models.js";
import { checkDefaultBranch, checkRepository } from "../../../tools/codebase/checkRepository.js";
import type { SkynetUpdate } from "../state.js";

export async function pick(_state: unknown, config: LangGraphRunnableConfig): Promise<SkynetUpdate> {
  return withRunContext(config, async ({ warehouse, profile, models }) => {
    if (!profile.repoPath) return { queue: [], cursor: 0 };
    // Fixes need the local clone and the branch they are cut from: refuse a wrong profile before any work.
    checkRepository(profile.repoPath);
    checkDefaultBranch(profile.repoPath, profile.profile.repo?.defaultBranch ?? "main");
    const haveModel = modelConfigured("skynet", profile.profile, models);
    const tickets = await pickTickets(warehouse, { limit: profile.profile.skynet.maxTicketsPerRun, haveModel });
    return { queue: tickets.map((t) => t.id), cursor: 0 };
  });
}
