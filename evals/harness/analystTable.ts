import { GATHERER_METRICS } from "./metrics/gatherer.js";
import type { AnalystComparison, AnalystName, ConfidenceSplit } from "./analystComparison.js";

const COLUMNS: AnalystName[] = ["rules", "model", "cascade"];

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? "-" : Number.isInteger(v) ? String(v) : v.toFixed(3));

/**
 * The side-by-side rows: each gatherer metric, then what the model requests cost per 1,000 sessions.
 * A cost is unknown (no price) for a model without a built-in or configured price.
 */
export function comparisonRows(c: AnalystComparison): string[][] {
  const rows = GATHERER_METRICS.filter((m) => COLUMNS.some((a) => c[a].metrics[m.key] !== undefined && c[a].metrics[m.key] !== null)).map((m) => [
    m.label,
    ...COLUMNS.map((a) => fmt(c[a].metrics[m.key])),
  ]);
  rows.push(["reports written by the model", ...COLUMNS.map((a) => String(c[a].modelReports))]);
  rows.push(["model requests / 1,000 sessions", ...COLUMNS.map((a) => String(c[a].perThousand.requests))]);
  rows.push(["tokens in / out per 1,000 sessions", ...COLUMNS.map((a) => `${c[a].perThousand.inputTokens} / ${c[a].perThousand.outputTokens}`)]);
  rows.push(["cost / 1,000 sessions (USD)", ...COLUMNS.map((a) => (c[a].perThousand.costUsd === null ? "unknown (no price)" : `$${c[a].perThousand.costUsd.toFixed(4)}`))]);
  return rows;
}

/** The header row; a fake model's columns are mechanics, and the header says so. */
export function comparisonHeader(mechanicsOnly: boolean): string[] {
  return [mechanicsOnly ? "gatherer (MECHANICS ONLY: fake model)" : "gatherer", ...COLUMNS];
}

/** One line: the rules' outcome accuracy on the sessions the cascade keeps and on those it sends (a property of the rules alone). */
export function confidenceLine(split: ConfidenceSplit): string {
  const side = (s: ConfidenceSplit["kept"]) => `${s.sessions} sessions, rules outcome accuracy ${fmt(s.outcomeAccuracy)}`;
  return `rules' confidence at ${split.threshold}: kept ${side(split.kept)}; sent to the model ${side(split.sent)}`;
}
