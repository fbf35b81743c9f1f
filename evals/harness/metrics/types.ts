/** A metric's value on one dataset; null when the dataset gives it nothing to measure. */
export type MetricValue = number | null;

/** The stage a metric judges. */
export type Agent = "gatherer" | "pm" | "skynet";

export interface MetricDef {
  /** `<agent>.<name>`, the key in results and thresholds. */
  key: string;
  agent: Agent;
  /** Whether a larger value is better; a threshold is a floor when it is, a ceiling when not. */
  higherIsBetter: boolean;
  /** One line for the table; evals/README.md defines each precisely. */
  label: string;
}

export type Metrics = Record<string, MetricValue>;

/** Share of `hits` in `total`, or null when there is nothing to count. */
export function share(hits: number, total: number): MetricValue {
  return total === 0 ? null : hits / total;
}
