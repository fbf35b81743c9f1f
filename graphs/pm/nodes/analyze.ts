import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext } from "../../host/runContext.js";
import { buildPatterns } from "../../../agents/pm/buildPatterns.js";
import { embeddingsFor, modelFor } from "../../../agents/models.js";
import { weekRange } from "../../../runtime/week.js";
import { ticketBody, ticketLabels } from "../../../agents/pm/ticketText.js";
import { trackerFor } from "../../../tools/tracker/index.js";
import type { TicketProposal } from "../../../tools/tracker/types.js";
import type { GatedProposal, PmStateType, PmUpdate } from "../state.js";

/** Groups the week's reports into patterns, stores them, and proposes a ticket for each one that warrants it. */
export async function analyze(state: PmStateType, config: LangGraphRunnableConfig): Promise<PmUpdate> {
  const week = state.week;
  if (!week) throw new Error("pm graph needs a week (YYYY-Www) in its input");
  return withRunContext(config, async ({ warehouse, profile, models, log }) => {
    const model = await modelFor("pm", profile.profile, models);
    const embeddings = await embeddingsFor(profile.profile);
    // "Recently closed" is counted back from the week triaged, so a late triage remembers what its week did.
    const memory = embeddings ? { embeddings, settings: profile.profile.memory, log, now: weekRange(week).end } : null;
    const patterns = await buildPatterns(warehouse, week, profile.profile, profile.repoPath, { model, log, memory });
    await warehouse.savePatterns(week, patterns);
    const weekSessions = await warehouse.countSessions(week);
    const tracker = await trackerFor(profile.profile, warehouse);
    const proposals: GatedProposal[] = [];
    for (const pattern of patterns.filter((p) => p.decision === "ticket")) {
      const proposal: TicketProposal = {
        fingerprint: pattern.fingerprint,
        title: pattern.title,
        body: ticketBody(pattern, weekSessions),
        kind: pattern.kind,
        priority: pattern.priority,
        labels: ticketLabels(pattern),
        sessions: pattern.sessions,
        codeLocations: pattern.codeLocations,
        week,
      };
      const action = await tracker.plan(proposal);
      if (action !== "unchanged") proposals.push({ ...proposal, action });
    }
    const ticketed = patterns.filter((p) => p.decision === "ticket").length;
    return { proposals, patternCounts: { patterns: patterns.length, ticketed, flagged: patterns.length - ticketed } };
  });
}
