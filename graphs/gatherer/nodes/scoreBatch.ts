import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext, type RunContext } from "../../host/runContext.js";
import { analyzeHeuristically } from "../../../agents/analysts/heuristic.js";
import { redactReport } from "../../../agents/analysts/redact.js";
import { currentSignals } from "../../../agents/analysts/currentSignals.js";
import { analyzeWithModel } from "../../../agents/analysts/llm/analyst.js";
import { llmAnalystFor } from "../../../agents/analysts/llm/setup.js";
import type { SessionReport } from "../../../state/report.js";
import type { GathererStateType, GathererUpdate } from "../state.js";
import { cascadeStandingReports } from "./planBatches.js";
import { scrubSecrets } from "../../../runtime/scrubSecrets.js";

/**
 * Scores one batch. Sessions that gained a report meanwhile (a resumed run, another worker) are not scored again.
 * Every report is redacted before it is stored, whichever analyst wrote it.
 */
export async function scoreBatch(state: GathererStateType, config: LangGraphRunnableConfig): Promise<GathererUpdate> {
  const batch = state.batch;
  if (!batch) return {};
  return withRunContext(config, async (ctx) => {
    // Claimed, so gather workers sharing the warehouse (each planning the same batches) score each session once.
    const unlessConfident = cascadeStandingReports(state.analyst, ctx.profile.profile);
    const query = { analystVersion: state.analystVersion, week: state.week ?? undefined, range: batch, unlessConfident };
    const result = await ctx.warehouse.claimUnreported(query, (ids) =>
      unlessConfident ? scoreByCascade(ids, unlessConfident.atLeast, state, ctx, config) : state.analyst === "llm" ? scoreWithModel(ids, state, ctx, config) : scoreByRules(ids, ctx, config),
    );
    ctx.log.info({ batch, ...result }, "batch scored");
    return result;
  });
}

type BatchResult = { scored: number; failed: number; firstFailure: string | null; escalated?: number };

/** The rules are fast: the batch's reports go in one transaction, so a crash loses at most this batch. */
async function scoreByRules(ids: string[], ctx: RunContext, config: LangGraphRunnableConfig): Promise<BatchResult> {
  const { reports, failed, firstFailure } = await saveRulesReports(ids, ctx);
  config.writer?.({ stage: "gather", scored: reports.length, failed });
  return { scored: reports.length, failed, firstFailure };
}

/**
 * The cascade: every session gets its rules report (with the rules' confidence); those the rules are
 * unsure of, and those they could not score, go to the model, whose report then speaks for them.
 * A session whose model request fails keeps its rules report and stays pending for the next run.
 */
async function scoreByCascade(ids: string[], threshold: number, state: GathererStateType, ctx: RunContext, config: LangGraphRunnableConfig): Promise<BatchResult> {
  const rules = await saveRulesReports(ids, ctx);
  const sure = new Set(rules.reports.filter((r) => (r.confidence ?? 0) >= threshold).map((r) => r.sessionId));
  const unsure = ids.filter((id) => !sure.has(id));
  config.writer?.({ stage: "gather", scored: sure.size, failed: 0 });
  const model = unsure.length ? await scoreWithModel(unsure, state, ctx, config) : { scored: 0, failed: 0, firstFailure: null };
  return { scored: sure.size + model.scored, failed: model.failed, firstFailure: model.firstFailure ?? rules.firstFailure, escalated: unsure.length };
}

async function saveRulesReports(ids: string[], { warehouse, profile, log }: RunContext): Promise<{ reports: SessionReport[]; failed: number; firstFailure: string | null }> {
  const reports: SessionReport[] = [];
  let failed = 0;
  let firstFailure: string | null = null;
  for (const signals of await currentSignals(warehouse, ids)) {
    try {
      reports.push(redactReport(analyzeHeuristically(signals, profile.profile)));
    } catch (err) {
      failed++;
      firstFailure ??= scrubSecrets((err as Error).message);
      log.warn({ sessionId: signals.sessionId, err: (err as Error).message }, "session analysis failed");
    }
  }
  await warehouse.saveReports(reports);
  return { reports, failed, firstFailure };
}

/**
 * Model calls are slow: the batch's sessions go to the endpoint's queue together and each report is
 * stored the moment it is written, so a crash loses only the requests in flight. A session whose
 * report stays invalid after one repair, or whose requests keep failing, is counted and has no report.
 */
async function scoreWithModel(ids: string[], state: GathererStateType, ctx: RunContext, config: LangGraphRunnableConfig): Promise<BatchResult> {
  const { warehouse, profile, models, log } = ctx;
  const analyst = await llmAnalystFor(profile.profile, models, log, state.concurrency);
  if (analyst.version !== state.analystVersion) throw new Error(`the gatherer model changed during the run (${analyst.version} != ${state.analystVersion})`);
  let scored = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  await Promise.all(
    ids.map(async (sessionId) => {
      const events = await warehouse.sessionEvents(sessionId);
      const result = await analyzeWithModel(sessionId, events, analyst);
      if (result.ok) {
        await warehouse.saveReports([redactReport(result.report)]);
        scored++;
      } else {
        failed++;
        firstFailure ??= result.reason;
        log.warn({ sessionId, reason: result.reason }, "session analysis failed");
      }
      config.writer?.({ stage: "gather", scored: result.ok ? 1 : 0, failed: result.ok ? 0 : 1 });
    }),
  );
  return { scored, failed, firstFailure };
}
