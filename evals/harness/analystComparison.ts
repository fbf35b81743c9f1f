import { currentReports } from "../../agents/analysts/currentReports.js";
import type { SessionReport } from "../../state/report.js";
import type { LoadedDataset } from "./dataset.js";
import { gathererMetrics } from "./metrics/gatherer.js";
import type { Metrics } from "./metrics/types.js";
import type { TruthSession } from "./truth.js";
import { gather, ingestExports, withWarehouse } from "./stages.js";
import { reportUsage, type Usage } from "./usage.js";
import { inWorkspace, type ModelSetup, type Workspace } from "./workspace.js";

/** One way of scoring a dataset's sessions: its gatherer metrics and what its model requests cost. */
export interface AnalystColumn {
  metrics: Metrics;
  usage: Usage;
  /** Sessions whose report the model wrote (all of them for the model, the unsure ones for the cascade). */
  modelReports: number;
  /** Per 1,000 of the dataset's sessions. */
  perThousand: { requests: number; inputTokens: number; outputTokens: number; costUsd: number | null };
}

export type AnalystName = "rules" | "model" | "cascade";

/** How well the rules' confidence tells their right reports from their wrong ones: the rules' outcome accuracy on each side of the threshold. */
export interface ConfidenceSplit {
  threshold: number;
  kept: { sessions: number; outcomeAccuracy: number | null };
  sent: { sessions: number; outcomeAccuracy: number | null };
}

export type AnalystComparison = Record<AnalystName, AnalystColumn> & { confidence: ConfidenceSplit };

interface Truths {
  bySession: Map<string, TruthSession>;
  events: Map<string, Set<string>>;
}

/**
 * Rules, model and cascade side by side on one dataset. The model's column is the main run's reports;
 * the rules score the same warehouse (another analyst version, so nothing of the model's run changes);
 * the cascade runs in a workspace of its own, so its model requests are its own and counted, not
 * borrowed from the model's run.
 */
export async function compareAnalysts(ws: Workspace, dataset: LoadedDataset, models: ModelSetup, truths: Truths, modelReports: SessionReport[]): Promise<AnalystComparison> {
  const rules = await gather(ws, "heuristic", {});
  const cascade = await inWorkspace(dataset, models, "cascade", async (own) => {
    await ingestExports(own, dataset);
    await gather(own, "cascade", {});
    return withWarehouse(own, (w) => currentReports(w, own.profile.profile, undefined));
  });
  return {
    rules: columnOf(rules.reports, truths),
    model: columnOf(modelReports, truths),
    cascade: columnOf(cascade, truths),
    confidence: confidenceSplit(rules.reports, truths, ws.profile.profile.gatherer.cascadeThreshold),
  };
}

function confidenceSplit(rules: SessionReport[], truths: Truths, threshold: number): ConfidenceSplit {
  const side = (keep: boolean) => {
    const of = rules.filter((r) => (r.confidence ?? 0) >= threshold === keep && truths.bySession.has(r.sessionId));
    const right = of.filter((r) => truths.bySession.get(r.sessionId)?.outcome === r.outcome).length;
    return { sessions: of.length, outcomeAccuracy: of.length ? right / of.length : null };
  };
  return { threshold, kept: side(true), sent: side(false) };
}

function columnOf(reports: SessionReport[], truths: Truths): AnalystColumn {
  const usage = reportUsage(reports);
  const sessions = Math.max(1, truths.events.size);
  const per = (n: number, digits = 0) => Math.round((n / sessions) * 1000 * 10 ** digits) / 10 ** digits;
  return {
    metrics: gathererMetrics(truths.bySession, reports, truths.events).metrics,
    usage,
    modelReports: reports.filter((r) => r.analyst === "llm").length,
    perThousand: {
      requests: per(usage.requests, 1),
      inputTokens: per(usage.inputTokens),
      outputTokens: per(usage.outputTokens),
      costUsd: usage.costUsd === null ? null : Math.round((usage.costUsd / sessions) * 1000 * 1e6) / 1e6,
    },
  };
}
