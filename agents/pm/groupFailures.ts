import type { SessionReport } from "../../state/report.js";
import type { SessionSignals, StackFrame } from "../../state/session.js";
import type { PatternKind } from "../../state/pattern.js";
import { exceptionKey, improvementKey } from "./fingerprint.js";
import { normalizeMessage } from "./normalize.js";
import { clusterTexts } from "./semanticGroups.js";

/** Sessions that share one failure, before decisions and code search. */
export interface FailureGroup {
  fingerprint: string;
  kind: PatternKind;
  title: string;
  signal: string;
  /** In-app frames of the exception, innermost first (bugs only). */
  frames: StackFrame[];
  /** A representative raw message, for searching the code (bugs only). */
  message: string | null;
  route: string;
  sessions: number;
  sessionIds: string[];
  intents: string[];
  departments: Map<string, number>;
  scoreSum: number;
}

/**
 * Groups the week's troubled sessions: by exception fingerprint where the session threw (a bug), else
 * by the similarity of the reports' improvement text (the product works, but not as users need). A
 * session counts once per group however often it hit the failure.
 */
export function groupFailures(reports: SessionReport[], signalsById: Map<string, SessionSignals>): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const asking: SessionReport[] = [];
  for (const report of reports) {
    const signals = signalsById.get(report.sessionId);
    const seen = new Set<string>();
    for (const ex of signals?.exceptions ?? []) {
      const key = exceptionKey(ex);
      if (seen.has(key.fingerprint)) continue;
      seen.add(key.fingerprint);
      const group = groups.get(key.fingerprint) ?? newGroup(key.fingerprint, "bug", key.title, key.signal, ex.route);
      group.frames = group.frames.length ? group.frames : key.frames;
      group.message ??= ex.message;
      add(groups, group, report);
    }
    // Only what the analyst called an improvement: plain wandering ("partial" with no advice) is no pattern.
    if (seen.size === 0 && report.improvement.trim() && report.outcome !== "success") asking.push(report);
  }
  for (const group of improvementGroups(asking, signalsById)) groups.set(group.fingerprint, group);
  return [...groups.values()].sort((a, b) => b.sessions - a.sessions || a.fingerprint.localeCompare(b.fingerprint));
}

/** Improvement reports clustered by what they ask for (see semanticGroups.ts). */
function improvementGroups(reports: SessionReport[], signalsById: Map<string, SessionSignals>): FailureGroup[] {
  const counts = new Map<string, number>();
  const normalized = reports.map((r) => normalizeMessage(r.improvement));
  for (const text of normalized) counts.set(text, (counts.get(text) ?? 0) + 1);
  const clusterOf = new Map<string, { fingerprint: string; signal: string }>();
  for (const cluster of clusterTexts(counts)) {
    const key = improvementKey(cluster.leaderTerms, cluster.leader);
    for (const member of cluster.members) clusterOf.set(member, key);
  }
  const groups = new Map<string, FailureGroup>();
  reports.forEach((report, i) => {
    const key = clusterOf.get(normalized[i] ?? "");
    if (!key) return;
    const route = signalsById.get(report.sessionId)?.exitRoute ?? "/";
    const group = groups.get(key.fingerprint) ?? newGroup(key.fingerprint, "improvement", report.improvement, key.signal, route);
    // The title is a real sentence from a report of the leading text, not a template with placeholders.
    if (normalizeMessage(group.title) !== key.signal && normalized[i] === key.signal) group.title = report.improvement;
    add(groups, group, report);
  });
  return [...groups.values()];
}

function newGroup(fingerprint: string, kind: PatternKind, title: string, signal: string, route: string): FailureGroup {
  return { fingerprint, kind, title, signal, frames: [], message: null, route, sessions: 0, sessionIds: [], intents: [], departments: new Map(), scoreSum: 0 };
}

function add(groups: Map<string, FailureGroup>, group: FailureGroup, report: SessionReport): void {
  group.sessions++;
  group.scoreSum += report.score;
  // Every session id, uncapped: `triage --json` promises them all, and the evals score patterns by them.
  group.sessionIds.push(report.sessionId);
  if (group.intents.length < 5 && !group.intents.includes(report.userIntent)) group.intents.push(report.userIntent);
  group.departments.set(report.department, (group.departments.get(report.department) ?? 0) + 1);
  groups.set(group.fingerprint, group);
}

/** The department most of the group's sessions were attributed to. */
export function mainDepartment(group: FailureGroup): string {
  return [...group.departments.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "product";
}
