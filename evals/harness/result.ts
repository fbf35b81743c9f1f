import type { Metrics } from "./metrics/types.js";
import type { GathererFigures } from "./metrics/gatherer.js";
import type { ProblemResult, StrayPattern } from "./metrics/pm.js";
import type { ThresholdCheck } from "./thresholds.js";
import type { Usage } from "./usage.js";
import type { AnalystComparison } from "./analystComparison.js";

/** One patch Skynet worked on, and how the hidden tests judged it. */
export interface SkynetAttempt {
  bug: string;
  /** "right" / "wrong": the scripted model's patch; "model": the real coding agent's. */
  patch: "right" | "wrong" | "model";
  /** Skynet's own verdict: pr_opened when it verified the change and the gate accepted it. */
  status: string;
  reason: string;
  /** 1 when the hidden tests pass on the proposed change, else 0. */
  score: 0 | 1;
  hidden: string | null;
}

/** Everything measured on one dataset. */
export interface DatasetResult {
  dataset: string;
  description: string;
  analyst: "heuristic" | "llm";
  analystVersion: string;
  /** sha256 (12 hex) of the gatherer model's system prompt for this profile; null for the rules. */
  promptHash: string | null;
  sessions: number;
  /** Problems with the dataset itself: the metrics are not trusted while there are any. */
  defects: string[];
  metrics: Metrics;
  figures: GathererFigures & { patterns: number; tickets: number };
  problems: ProblemResult[];
  /** Patterns that are no true problem's best pattern. */
  strays: StrayPattern[];
  skynet: SkynetAttempt[];
  usage: Record<"gatherer" | "pm" | "skynet", Usage>;
  checks: ThresholdCheck[];
  /** With a model: the rules, the model and the cascade on the same sessions, quality and cost side by side. */
  analysts?: AnalystComparison;
  durationMs: number;
}

/** One `npm run eval`: what ran, on what, and every dataset's result. */
export interface RunResult {
  date: string;
  startedAt: string;
  /** selfheal's commit, with "+changes" when the work tree differs from it. */
  commit: string;
  /** "heuristic" or "llm-<model>": the results file's name and what a later run compares with. */
  label: string;
  model: string | null;
  /** True for the fake OpenAI server: the numbers measure the harness, never a model. */
  mechanicsOnly: boolean;
  datasets: DatasetResult[];
  wallMs: number;
  /** Every reason the run fails: metrics under their bar, defects, errors. */
  failures: string[];
}
