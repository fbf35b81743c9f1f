import { createHash } from "node:crypto";
import { systemPrompt } from "../../agents/analysts/llm/prompt.js";
import { priceOf } from "../../agents/analysts/llm/pricing.js";
import { rmSync } from "node:fs";
import { loadDataset, type LoadedDataset } from "./dataset.js";
import { matchTruth } from "./match.js";
import { gathererMetrics } from "./metrics/gatherer.js";
import { pmMetrics } from "./metrics/pm.js";
import type { Metrics } from "./metrics/types.js";
import type { DatasetResult, SkynetAttempt } from "./result.js";
import { skynetFixRate } from "./skynet/fixRate.js";
import { datasetWeek, gather, ingestExports, sessionEventIds, triage } from "./stages.js";
import { checkThresholds } from "./thresholds.js";
import { truthProblems } from "./truth.js";
import { NO_USAGE, reportUsage, UsageCounter } from "./usage.js";
import { inWorkspace, type ModelSetup, type Workspace } from "./workspace.js";
import { compareAnalysts } from "./analystComparison.js";

export interface EvalOptions {
  /** The model name every role is given, or null offline (the rules analyst, the model-less PM, scripted patches). */
  model: string | null;
  /** The LLM analyst's request limits, when the runner sets them. */
  limits?: ModelSetup["gatherer"];
  /** This dataset's bars from thresholds.json. */
  thresholds: Record<string, number>;
  progress: (line: string) => void;
}

/** One dataset end to end: ingest, gather, triage, Skynet, each judged against the truth. */
export async function evaluateDataset(dir: string, opts: EvalOptions): Promise<DatasetResult> {
  const started = Date.now();
  const dataset = await loadDataset(dir);
  const models: ModelSetup = opts.model ? { names: { gatherer: opts.model, pm: opts.model, skynet: opts.model }, gatherer: opts.limits } : { names: {} };
  try {
    return await inWorkspace(dataset, models, "main", (ws) => evaluateIn(ws, dataset, models, opts, started));
  } finally {
    if (dataset.generatedDir) rmSync(dataset.generatedDir, { recursive: true, force: true });
  }
}

async function evaluateIn(ws: Workspace, dataset: LoadedDataset, models: ModelSetup, opts: EvalOptions, started: number): Promise<DatasetResult> {
  const profile = ws.profile.profile;
  const defects = truthProblems(dataset.truth, [...Object.keys(profile.departments), profile.fallbackDepartment]);
  await ingestExports(ws, dataset);
  const { week, defect } = await datasetWeek(ws);
  if (defect) defects.push(defect);
  const events = await sessionEventIds(ws);
  const matched = matchTruth(dataset.truth.sessions, events);
  defects.push(...matched.defects);
  opts.progress(`${dataset.name}: ${events.size} sessions ingested; gathering`);

  const analyst = opts.model ? "llm" : "heuristic";
  const { summary, reports } = await gather(ws, analyst, {});
  const pmCounter = new UsageCounter();
  opts.progress(`${dataset.name}: ${summary.scored} reports (${summary.failed} failed); triaging ${week ?? "no week"}`);
  const patterns = week ? await triage(ws, week, { callbacks: [pmCounter] }) : [];
  const gathered = gathererMetrics(matched.bySession, reports, events);
  const pm = pmMetrics(dataset.truth, matched.bySession, patterns, profile.thresholds.ticketMinSessions);
  defects.push(...pm.patternErrors);

  const skynetCounter = new UsageCounter();
  if (dataset.skynetBugs.length) opts.progress(`${dataset.name}: Skynet on ${dataset.skynetBugs.length} bugs with hidden tests`);
  const fixes = await skynetFixRate(dataset, models, opts.model ? { kind: "model", callbacks: [skynetCounter] } : { kind: "scripted" });
  defects.push(...fixes.defects);
  // With a model, the rules and the cascade score the same sessions, for the side-by-side table.
  if (opts.model) opts.progress(`${dataset.name}: rules and cascade, for the comparison`);
  const analysts = opts.model ? await compareAnalysts(ws, dataset, models, { bySession: matched.bySession, events }, reports) : undefined;
  const metrics: Metrics = { ...gathered.metrics, ...pm.metrics, ...skynetMetrics(fixes.attempts, opts.model !== null) };
  const price = opts.model ? priceOf(opts.model, profile.gatherer) : null;
  return {
    dataset: dataset.name,
    description: dataset.manifest.description,
    analyst,
    analystVersion: summary.analystVersion,
    promptHash: analyst === "llm" ? createHash("sha256").update(systemPrompt(profile)).digest("hex").slice(0, 12) : null,
    sessions: events.size,
    defects,
    metrics,
    figures: { ...gathered.figures, patterns: patterns.length, tickets: patterns.filter((p) => p.decision === "ticket").length },
    problems: pm.problems,
    strays: pm.strays,
    skynet: fixes.attempts,
    usage: { gatherer: analyst === "llm" ? reportUsage(reports) : NO_USAGE, pm: pmCounter.usage(price), skynet: skynetCounter.usage(price) },
    checks: checkThresholds(opts.thresholds, metrics),
    ...(analysts ? { analysts } : {}),
    durationMs: Date.now() - started,
  };
}

/** Offline, the scripted patches' scores; with a model, its fix rate. A run has only its mode's metrics. */
function skynetMetrics(attempts: SkynetAttempt[], withModel: boolean): Metrics {
  const rate = (patch: SkynetAttempt["patch"]) => {
    const of = attempts.filter((a) => a.patch === patch);
    return of.length ? of.reduce((s, a) => s + a.score, 0) / of.length : null;
  };
  if (attempts.length === 0) return {};
  return withModel ? { "skynet.fixRate": rate("model") } : { "skynet.scriptedRight": rate("right"), "skynet.scriptedWrong": rate("wrong") };
}
