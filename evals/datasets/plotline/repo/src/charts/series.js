// Turns query rows into chart series: one per metric, points in time order.
import { axisTicks } from "./axis.js";

export function toSeries(rows, { x, metrics }) {
  const sorted = [...rows].sort((a, b) => String(a[x]).localeCompare(String(b[x])));
  return metrics.map((metric) => ({ metric, points: sorted.map((row) => ({ x: row[x], y: Number(row[metric]) || 0 })) }));
}

/** What the chart builder draws: the series and the y axis that fits all of them. */
export function chartModel(rows, spec) {
  const series = toSeries(rows, spec);
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  return { series, yTicks: axisTicks(values) };
}
