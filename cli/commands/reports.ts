import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../runtime/profile.js";
import { heuristicVersion } from "../../agents/analysts/heuristic.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf } from "../globals.js";

export function registerReports(program: Command): void {
  program
    .command("reports")
    .description("list the session reports of the current analyst version")
    .option("--week <week>", "only sessions of this ISO week (YYYY-Www)")
    .option("--all-versions", "include reports of earlier analyst versions")
    .action(async (options: { week?: string; allVersions?: boolean }, command: Command) => {
      const { settings, out } = globalsOf(command);
      if (options.week && !isIsoWeek(options.week)) throw new UsageError(`--week must be an ISO week like 2026-W47`);
      const profile = loadProfile(settings.config);
      const warehouse = openWarehouse(settings.db);
      try {
        const analystVersion = options.allVersions ? undefined : heuristicVersion(profile.profile);
        const reports = await warehouse.listReports({ week: options.week, analystVersion });
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
        }));
        await out.result(rows, (list) => {
          for (const r of list) out.say(`${String(r.score).padStart(2)}  ${r.outcome.padEnd(13)} ${r.department.padEnd(12)} ${r.sessionId}  ${r.userSuccess}`);
          out.say(`${list.length} reports.`);
        });
      } finally {
        await warehouse.close();
      }
    });
}
