import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { withRunContext, type RunContext } from "../../host/runContext.js";
import { analyzeHeuristically, heuristicVersion } from "../../../agents/analysts/heuristic.js";
import { redactReport } from "../../../agents/analysts/redact.js";
import { currentSignals } from "../../../agents/analysts/currentSignals.js";
import { analyzeWithModel } from "../../../agents/analysts/llm/analyst.js";
import { llmAnalystFor } from "../../../agents/analysts/llm/setup.js";
import type { SessionReport } from "../../../state/report.js";
import type { NewSessionFailure } from "../../../warehouse/types.js";
import { FAILURES_LISTED, type GatherFailure, type GathererStateType, type GathererUpdate } from "../state.js";
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

type FailureCounts = { failed: number; firstFailure: string | null; failures: GatherFailure[] };
type BatchResult = FailureCounts & { scored: number; escalated?: number };

/** The rules are fast: the batch's reports go in one transaction, so a crash loses at most this batch. */
async function scoreByRules(ids: string[], ctx: RunContext, config: LangGraphRunnableConfig): Promise<BatchResult> {
  const { reports, failures } = await saveRulesReports(ids, ctx);
  await ctx.warehouse.recordFailures(failures);
  config.writer?.({ stage: "gather", scored: reports.length, failed: failures.length });
  return { scored: reports.length, ...failureCounts(failures) };
}

/** A batch's failed sessions as the summary counts them (their rows are in the warehouse by then). */
function failureCounts(failures: NewSessionFailure[]): FailureCounts {
  const listed = failures.slice(0, FAILURES_LISTED).map(({ sessionId, reason }) => ({ sessionId, reason }));
  return { failed: failures.length, firstFailure: failures[0]?.reason ?? null, failures: listed };
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
  const model: BatchResult = unsure.length ? await scoreWithModel(unsure, state, ctx, config) : { scored: 0, ...failureCounts([]) };
  // The rules' failures went to the model: only the model's are the sessions' failures.
  return { ...model, scored: sure.size + model.scored, firstFailure: model.firstFailure ?? rules.failures[0]?.reason ?? null, escalated: unsure.length };
}

async function saveRulesReports(ids: string[], { warehouse, profile, log }: RunContext): Promise<{ reports: SessionReport[]; failures: NewSessionFailure[] }> {
  const reports: SessionReport[] = [];
  const failures: NewSessionFailure[] = [];
  const analystVersion = heuristicVersion(profile.profile);
  for (const signals of await currentSignals(warehouse, ids)) {
    try {
      reports.push(redactReport(analyzeHeuristically(signals, profile.profile)));
    } catch (err) {
      failures.push({ sessionId: signals.sessionId, analystVersion, reason: scrubSecrets((err as Error).message), retries: 0 });
      log.warn({ sessionId: signals.sessionId, err: (err as Error).message }, "session analysis failed");
    }
  }
  await warehouse.saveReports(reports);
  return { reports, failures };
}

/**
 * Model calls are slow: the batch's sessions go to the endpoint's queue together and each report is
 * stored the moment it is written, so a crash loses only the requests in flight. A session whose
 * report stays invalid after one repair, or whose requests keep failing, has no report: its failure is
 * stored instead (warehouse session_failures), the moment it is known, until a later run scores it.
 */
async function scoreWithModel(ids: string[], state: GathererStateType, ctx: RunContext, config: LangGraphRunnableConfig): Promise<BatchResult> {
  const { warehouse, profile, models, log } = ctx;
  const analyst = await llmAnalystFor(profile.profile, models, log, state.concurrency);
  if (analyst.version !== state.analystVersion) throw new Error(`the gatherer model changed during the run (${analyst.version} != ${state.analystVersion})`);
  let scored = 0;
  const failures: NewSessionFailure[] = [];
  await Promise.all(
    ids.map(async (sessionId) => {
      const events = await warehouse.sessionEvents(sessionId);
      const result = await analyzeWithModel(sessionId, events, analyst);
      if (result.ok) {
        await warehouse.saveReports([redactReport(result.report)]);
        scored++;
      } else {
        const failure = { sessionId, analystVersion: analyst.version, reason: scrubSecrets(result.reason), retries: result.retries };
        await warehouse.recordFailures([failure]);
        failures.push(failure);
        log.warn({ sessionId, reason: result.reason }, "session analysis failed");
      }
      config.writer?.({ stage: "gather", scored: result.ok ? 1 : 0, failed: result.ok ? 0 : 1 });
    }),
  );
  return { scored, ...failureCounts(failures) };
}
