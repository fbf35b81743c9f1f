import { existsSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../../runtime/errors.js";
import { readJson } from "./dataset.js";
import { metricDef } from "./metrics/index.js";
import type { Metrics } from "./metrics/types.js";

/** thresholds.json: per dataset, per metric key, the bar (a floor or a ceiling by the metric's direction). */
export const Thresholds = z.record(z.string(), z.record(z.string(), z.number()));
export type Thresholds = z.infer<typeof Thresholds>;

export interface ThresholdCheck {
  metric: string;
  value: number | null;
  threshold: number;
  ok: boolean;
  /** "≥ 0.8" or "≤ 1.2". */
  bar: string;
}

/** Reads the thresholds file (none: no bars); a key that names no metric is an error naming it. */
export function loadThresholds(file: string): Thresholds {
  if (!existsSync(file)) return {};
  const thresholds = readJson(file, Thresholds);
  for (const [dataset, bars] of Object.entries(thresholds)) {
    for (const key of Object.keys(bars)) {
      if (!metricDef(key)) throw new InputError(`no metric named ${key}`, { file, key: `${dataset}.${key}` });
    }
  }
  return thresholds;
}

// Metrics are ratios of counts: a bar equal to the value must pass despite floating-point noise.
const EPSILON = 1e-9;

/**
 * Every bar of the dataset against its metrics. A metric this kind of run does not produce (Skynet's
 * fix rate offline, the scripted patches' scores with a model) is not checked; one it produces but
 * could not measure (null) fails.
 */
export function checkThresholds(bars: Record<string, number>, metrics: Metrics): ThresholdCheck[] {
  return Object.entries(bars).filter(([metric]) => metric in metrics).map(([metric, threshold]) => {
    const higher = metricDef(metric)?.higherIsBetter ?? true;
    const value = metrics[metric] ?? null;
    const ok = value !== null && (higher ? value >= threshold - EPSILON : value <= threshold + EPSILON);
    return { metric, value, threshold, ok, bar: `${higher ? "≥" : "≤"} ${threshold}` };
  });
}
