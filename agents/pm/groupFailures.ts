import type { SessionReport } from "../../state/report.js";
import type { ProductProfile } from "../../state/profile.js";
import { problemsOf } from "../analysts/problems.js";
import { NoiseRules } from "../analysts/noise.js";
import type { FrameMapper } from "./sourceMaps.js";
import type { SessionException, SessionSignals, StackFrame } from "../../state/session.js";
import type { PatternKind } from "../../state/pattern.js";
import { exceptionKey, improvementKey, type ExceptionGroupKey } from "./fingerprint.js";
import { sameFailures, type FingerprintSeen } from "./sameFailure.js";
import { normalizeMessage } from "./normalize.js";
import { clusterTexts, SAME_TOPIC } from "./semanticGroups.js";
import { terms } from "./textSimilarity.js";
import { joinByFoughtControl } from "./sameControl.js";

const NOT_A_PRODUCT_NEED: ReadonlySet<SessionReport["outcome"]> = new Set(["success", "bounce", "wrong_product"]);

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
  /** Strings the product's code likely spells out: a failure event's name and its properties' values (bugs only). */
  literals: string[];
  route: string;
  sessions: number;
  sessionIds: string[];
  intents: string[];
  departments: Map<string, number>;
  scoreSum: number;
  /** Sessions that did not end in success: the ones this failure cost what they came for. */
  blocked: number;
}

/**
 * Groups the week's troubled sessions: by failure fingerprint where the product failed (a bug: an
 * exception or a failure event, noise left out, minified frames mapped to source where the repository
 * has maps), else by the similarity of the reports' improvement text (the product works, but not as users
 * need). A session counts once per group however often it hit the failure, whether or not the user got
 * past it: a workaround is still a session the bug cost.
 */
export function groupFailures(
  reports: SessionReport[],
  signalsById: Map<string, SessionSignals>,
  profile: ProductProfile,
  mapper: FrameMapper | null = null,
): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const asking: SessionReport[] = [];
  const noise = new NoiseRules(profile);
  const hits: { report: SessionReport; failures: { key: ExceptionGroupKey; ex: SessionException }[] }[] = [];
  const seen = new Map<string, FingerprintSeen & { ex: SessionException; literals: string[] }>();
  for (const report of reports) {
    const signals = signalsById.get(report.sessionId);
    const failures = (signals ? problemsOf(signals, profile, noise).product : []).map((thrown) => {
      const ex = mapper ? { ...thrown, frames: thrown.frames.map((f) => mapper.map(f)) } : thrown;
      return { key: exceptionKey(ex), ex };
    });
    for (const { key, ex } of failures) {
      const entry = seen.get(key.fingerprint) ?? { key, type: ex.type, sessionIds: new Set<string>(), ex, literals: signals ? failureLiterals(ex, signals) : [] };
      entry.sessionIds.add(report.sessionId);
      seen.set(key.fingerprint, entry);
    }
    hits.push({ report, failures });
    // Only what the analyst called an improvement: plain wandering ("partial" with no advice) is no pattern.
    // Acquisition (bounces, visitors who wanted another product) is reported beside the NPS, not ticketed as a product need.
    if (failures.length === 0 && report.improvement.trim() && !NOT_A_PRODUCT_NEED.has(report.outcome)) asking.push(report);
  }
  // One failure split by browsers' wording, unmapped bundles or a second report of it is one group.
  const leaderOf = sameFailures([...seen.values()]);
  for (const { report, failures } of hits) {
    const counted = new Set<string>();
    for (const { key } of failures) {
      // Every fingerprint of a failure is in seen, and sameFailures names a leader for each.
      const leader = seen.get(leaderOf.get(key.fingerprint)!)!;
      if (counted.has(leader.key.fingerprint)) continue;
      counted.add(leader.key.fingerprint);
      const group = groups.get(leader.key.fingerprint) ?? newGroup(leader.key.fingerprint, "bug", leader.key.title, leader.key.signal, leader.ex.route);
      group.frames = group.frames.length ? group.frames : leader.key.frames;
      group.message ??= leader.ex.message;
      if (group.literals.length === 0) group.literals = leader.literals;
      add(groups, group, report);
    }
  }
  const improvements = improvementGroups(asking, signalsById, productWords(profile));
  for (const group of improvements) groups.set(group.fingerprint, group);
  const unadvised = hits.filter((h) => h.failures.length === 0 && !h.report.improvement.trim()).map((h) => h.report);
  for (const [sessionId, fingerprint] of joinByFoughtControl(improvements, unadvised, signalsById)) {
    const report = unadvised.find((r) => r.sessionId === sessionId)!;
    add(groups, groups.get(fingerprint)!, report);
  }
  return [...groups.values()].sort((a, b) => b.sessions - a.sessions || a.fingerprint.localeCompare(b.fingerprint));
}

/** Improvement reports clustered by what they ask for (see semanticGroups.ts). */
function improvementGroups(reports: SessionReport[], signalsById: Map<string, SessionSignals>, ignore: ReadonlySet<string>): FailureGroup[] {
  const counts = new Map<string, number>();
  const normalized = reports.map((r) => normalizeMessage(r.improvement));
  for (const text of normalized) counts.set(text, (counts.get(text) ?? 0) + 1);
  const clusterOf = new Map<string, { fingerprint: string; signal: string }>();
  for (const cluster of clusterTexts(counts, SAME_TOPIC, ignore)) {
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

/**
 * What the code that reports a failure event spells out: the event's name, then its string properties'
 * values other than the message, code-like ones (`spf_missing`) first. An exception has none: its stack
 * locates it.
 */
function failureLiterals(ex: SessionException, signals: SessionSignals): string[] {
  const event = signals.customEvents.find((e) => e.eventId === ex.eventId);
  if (!event) return [];
  const values = Object.values(event.props ?? {}).filter((v): v is string => typeof v === "string" && v !== ex.message && v.length >= 4 && v.length <= 80);
  const codeLike = (v: string): number => (/^[a-z][a-z0-9]*([_.][a-z0-9]+)+$/i.test(v) ? 0 : 1);
  return [...new Set([event.name, ...values.sort((a, b) => codeLike(a) - codeLike(b))])];
}

/** The words of what the product is: shared by all its needs, they tell none apart. */
function productWords(profile: ProductProfile): ReadonlySet<string> {
  return new Set(terms(`${profile.product.name} ${profile.product.description}`.replace(/[-_/]/g, " "), false));
}

function newGroup(fingerprint: string, kind: PatternKind, title: string, signal: string, route: string): FailureGroup {
  return { fingerprint, kind, title, signal, frames: [], message: null, literals: [], route, sessions: 0, sessionIds: [], intents: [], departments: new Map(), scoreSum: 0, blocked: 0 };
}

function add(groups: Map<string, FailureGroup>, group: FailureGroup, report: SessionReport): void {
  group.sessions++;
  group.scoreSum += report.score;
  if (report.outcome !== "success") group.blocked++;
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
