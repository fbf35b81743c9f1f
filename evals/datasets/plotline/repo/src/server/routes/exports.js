// GET /api/widgets/:id/export.csv
import { toCsv } from "../export/csv.js";

export async function exportWidgetCsv(req, res, { queries }) {
  const result = await queries.runWidget(req.params.id, { range: req.query.range ?? "30d" });
  const body = toCsv(result);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="widget-${req.params.id}.csv"`);
  res.end(body);
}
