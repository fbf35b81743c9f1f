import { ingestFile, type IngestResult } from "../../connectors/ingest.js";
import { buildGathererGraph } from "../../graphs/gatherer/index.js";
import type { GathererStateType, GatherSummary } from "../../graphs/gatherer/state.js";
import { buildPmGraph } from "../../graphs/pm/index.js";
import { openWarehouse, type Warehouse } from "../../warehouse/index.js";
import { isoWeekOf } from "../../runtime/week.js";
import type { FailurePattern } from "../../state/pattern.js";
import type { SessionReport } from "../../state/report.js";
import type { GatherMode } from "../../state/report.js";
import type { LoadedDataset } from "./dataset.js";
import type { Workspace } from "./workspace.js";
import { runThroughGates, type RunExtras } from "./graphRun.js";

export async function withWarehouse<T>(ws: Workspace, fn: (w: Warehouse) => Promise<T>): Promise<T> {
  const warehouse = openWarehouse(ws.settings.db);
  try {
    return await fn(warehouse);
  } finally {
    await warehouse.close();
  }
}

/** Every export of the dataset, in order, into the workspace's warehouse. */
export function ingestExports(ws: Workspace, dataset: LoadedDataset): Promise<IngestResult[]> {
  return withWarehouse(ws, async (w) => {
    const results: IngestResult[] = [];
    for (const e of dataset.exports) results.push(await ingestFile(w, e.file, { format: e.format }));
    return results;
  });
}

/** The sessions selfheal made: each one's event ids, by session id. */
export function sessionEventIds(ws: Workspace): Promise<Map<string, Set<string>>> {
  return withWarehouse(ws, async (w) => {
    // No report is ever written under this version, so this lists every session.
    const ids = await w.sessionsWithoutReport({ analystVersion: "evals:every-session" });
    const out = new Map<string, Set<string>>();
    for (const id of ids) out.set(id, new Set((await w.sessionEvents(id)).map((e) => e.uuid)));
    return out;
  });
}

/** The gatherer graph over every session; its reports, read back from the warehouse. */
export async function gather(ws: Workspace, analyst: GatherMode, extras: RunExtras): Promise<{ summary: GatherSummary; reports: SessionReport[] }> {
  const state = await runThroughGates<GathererStateType>(buildGathererGraph(), { week: null, analyst }, ws, extras, { type: "accept" });
  const summary = state.gatherSummary;
  if (!summary) throw new Error("the gatherer graph ended without a summary");
  const reports = await withWarehouse(ws, (w) => w.listReports({ analystVersion: summary.analystVersion }));
  return { summary, reports };
}

/** The PM graph on the week, its ticket gate accepted; the week's patterns, read back. */
export async function triage(ws: Workspace, week: string, extras: RunExtras): Promise<FailurePattern[]> {
  await runThroughGates(buildPmGraph(), { week }, ws, extras, { type: "accept" });
  return withWarehouse(ws, (w) => w.listPatterns(week));
}

/** The ISO week that holds the dataset's sessions (the one holding most), or a defect saying how they spread. */
export function datasetWeek(ws: Workspace): Promise<{ week: string | null; defect: string | null }> {
  return withWarehouse(ws, async (w) => {
    const all = await w.countSessions();
    if (all === 0) return { week: null, defect: "the exports made no session" };
    const ids = await w.sessionsWithoutReport({ analystVersion: "evals:every-session" });
    const counts = new Map<string, number>();
    for (const s of await w.sessionSignals(ids)) {
      const week = isoWeekOf(new Date(s.startedAt));
      counts.set(week, (counts.get(week) ?? 0) + 1);
    }
    const [week = null] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    const inWeek = week ? await w.countSessions(week) : 0;
    if (inWeek === all) return { week, defect: null };
    const others = [...counts].filter(([k]) => k !== week).map(([k, n]) => `${n} in ${k}`).join(", ");
    return { week, defect: `sessions span several ISO weeks: ${inWeek} of ${all} are in ${week}, the week triaged; ${others || `${all - inWeek} elsewhere`}` };
  });
}
