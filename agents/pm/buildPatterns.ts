import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { FailurePattern } from "../../state/pattern.js";
import type { SessionSignals } from "../../state/session.js";
import { LocalRepo } from "../../tools/codebase/localRepo.js";
import { groupFailures, mainDepartment, type FailureGroup } from "./groupFailures.js";
import { locateInCode } from "./locate.js";
import { decide } from "./decide.js";

/**
 * The PM's reading of a week: every troubled session's report, grouped into patterns, each located in
 * the code (when the profile names a repository) and decided ticket-or-flag.
 */
export async function buildPatterns(
  warehouse: Warehouse,
  week: string,
  profile: ProductProfile,
  repoPath: string | null,
): Promise<FailurePattern[]> {
  const reports = (await warehouse.listReports({ week })).filter((r) => r.outcome !== "success" || r.improvement);
  const signals = await warehouse.sessionSignals(reports.map((r) => r.sessionId));
  const signalsById = new Map<string, SessionSignals>(signals.map((s) => [s.sessionId, s]));
  const weekSessions = await warehouse.countSessions(week);
  const repo = repoPath ? new LocalRepo(repoPath) : null;

  const patterns: FailurePattern[] = [];
  for (const group of groupFailures(reports, signalsById)) {
    const averageScore = group.scoreSum / group.sessions;
    const codeLocations = repo ? await locateInCode(group, repo) : [];
    const { decision, priority } = decide({ sessions: group.sessions, averageScore }, weekSessions, profile.thresholds);
    patterns.push({
      fingerprint: group.fingerprint,
      week,
      title: group.title,
      kind: group.kind,
      signal: group.signal,
      department: mainDepartment(group),
      sessions: group.sessions,
      sessionIds: group.sessionIds,
      intents: group.intents,
      averageScore: Math.round(averageScore * 10) / 10,
      codeLocations,
      decision,
      priority,
      route: proposeRoute(group, codeLocations),
    });
  }
  return patterns;
}

/** The fix route a model-less PM can honestly propose. */
function proposeRoute(group: FailureGroup, locations: FailurePattern["codeLocations"]): string {
  const where = locations.map((l) => (l.line ? `${l.path}:${l.line}` : l.path)).join(", ");
  if (group.kind === "bug") {
    const fn = group.frames[0]?.function;
    return where
      ? `Reproduce "${group.signal}" with a test, then fix it where it is thrown: ${where}${fn ? ` (${fn})` : ""}.`
      : `Reproduce "${group.signal}" on ${group.route}; its code location is unknown (no in-app frames matched the repository).`;
  }
  return where ? `${group.title} Start from ${where}.` : group.title;
}
