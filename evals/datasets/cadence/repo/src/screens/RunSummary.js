// /run/summary/[id]: the screen after a run is stopped; it saves the run once the summary is built.
import { summaryOf } from "../run/splits.js";

export async function loadRunSummary({ runs, track }, id) {
  const run = await runs.get(id);
  const summary = summaryOf(run);
  await runs.save(id, summary);
  track("run_saved", { distance_km: summary.distanceKm, duration_s: summary.duration, source: run.source });
  return summary;
}
