// The chart builder page: previews the chart as the user picks a metric and a range, then saves it.
import { chartModel } from "../charts/series.js";

export async function renderPreview(app, spec) {
  const rows = await app.api.post("/api/query", { metric: spec.metrics, range: spec.range, x: spec.x });
  const model = chartModel(rows, spec);
  app.draw(model);
  return model;
}

export async function saveChart(app, spec) {
  const chart = await app.api.post("/api/charts", spec);
  app.track("chart_saved", { chart_type: spec.type, metrics: spec.metrics.length });
  return chart;
}
