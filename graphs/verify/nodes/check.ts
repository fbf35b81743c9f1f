import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { checkFixes } from "../../../agents/verify/checkFixes.js";
import type { ShipSources } from "../../../agents/verify/shipped.js";
import { trackerFor } from "../../../tools/tracker/index.js";
import { githubAccess, githubClient, parseRepoSlug } from "../../../tools/github/client.js";
import type { LoadedProfile } from "../../../state/loadProfile.js";
import type { Warehouse } from "../../../warehouse/types.js";
import { weekRange } from "../../../runtime/week.js";
import { verifyLine, type VerifyStateType, type VerifyUpdate } from "../state.js";

/** Where shipping shows for this profile: its tracker, its local clone, and GitHub when a token is set. */
async function shipSources(loaded: LoadedProfile, warehouse: Warehouse): Promise<ShipSources> {
  const { profile } = loaded;
  const repo = profile.repo && loaded.repoPath ? { path: loaded.repoPath, defaultBranch: profile.repo.defaultBranch } : null;
  const access = githubAccess(process.env, profile.skynet.github.apiUrl);
  const github = profile.repo?.github && access.token ? { octokit: await githubClient(access, profile.services), ...parseRepoSlug(profile.repo.github) } : null;
  return { tracker: await trackerFor(profile, warehouse), repo, github };
}

/** Checks every shipped fix against the sessions up to the week's end (or now, for the week under way). */
export async function checkShippedFixes(state: VerifyStateType, config: LangGraphRunnableConfig): Promise<VerifyUpdate> {
  const week = state.week;
  if (!week) throw new Error("verify graph needs a week (YYYY-Www) in its input");
  return withRunContext(config, async ({ warehouse, profile, log }) => {
    const now = new Date();
    const end = weekRange(week).end;
    const asOf = end.getTime() < now.getTime() ? end : now;
    const verdicts = await checkFixes(warehouse, profile.profile, await shipSources(profile, warehouse), asOf, now);
    for (const v of verdicts) log.info({ ticket: v.ticketId, verdict: v.verdict, reopened: v.reopened }, "verified a shipped fix");
    return { verifySummary: { week, asOf: asOf.toISOString(), fixes: verdicts.map(verifyLine) } };
  });
}
