import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../state/loadProfile.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf } from "../globals.js";
import { currentReports, type Analyst } from "../../agents/analysts/currentReports.js";
import { printFailedSessions } from "./failedSessions.js";

export async function run(options: { week?: string; analyst?: string; allVersions?: boolean; failed?: boolean }, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command);
  if (options.week && !isIsoWeek(options.week)) throw new UsageError(`--week must be an ISO week like 2026-W47`);
  if (options.analyst && options.analyst !== "heuristic" && options.analyst !== "llm") throw new UsageError(`--analyst must be heuristic or llm, got "${options.analyst}"`);
  const profile = loadProfile(settings.config);
  const warehouse = openWarehouse(settings.db);
  try {
    if (options.failed) return await printFailedSessions(warehouse, profile.profile, out, { week: options.week, analyst: options.analyst as Analyst | undefined, allVersions: options.allVersions });
    const reports = options.allVersions
      ? await warehouse.listReports({ week: options.week })
      : await currentReports(warehouse, profile.profile, options.week, options.analyst as Analyst | undefined);
    const rows = reports.map((r) => ({
      sessionId: r.sessionId,
      userIntent: r.userIntent,
      userSuccess: r.userSuccess,
      improvement: r.improvement,
      department: r.department,
      score: r.score,
      outcome: r.outcome,
      analyst: r.analyst,
      analystVersion: r.analystVersion,
      evidence: r.evidence,
      ...(r.usage ? { usage: r.usage } : {}),
    }));
    await out.result(rows, (list) => {
      for (const r of list) out.say(`${String(r.score).padStart(2)}  ${r.outcome.padEnd(13)} ${r.department.padEnd(12)} ${r.sessionId}  ${r.userSuccess}`);
      out.say(`${list.length} reports.`);
    });
  } finally {
    await warehouse.close();
  }
}
