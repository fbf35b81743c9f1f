import { GATHERER_METRICS } from "./gatherer.js";
import { PM_METRICS } from "./pm.js";
import { SKYNET_METRICS } from "./skynet.js";
import type { MetricDef } from "./types.js";

/** Every metric the eval knows, in table order. */
export const METRICS: readonly MetricDef[] = [...GATHERER_METRICS, ...PM_METRICS, ...SKYNET_METRICS];

export function metricDef(key: string): MetricDef | undefined {
  return METRICS.find((m) => m.key === key);
}
