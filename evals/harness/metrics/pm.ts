import type { FailurePattern } from "../../../state/pattern.js";
import type { Truth, TruthSession } from "../truth.js";
import { adjustedRandIndex } from "./rand.js";
import { share, type MetricDef, type Metrics, type MetricValue } from "./types.js";

export const PM_METRICS: MetricDef[] = [
  { key: "pm.bugCoverage", agent: "pm", higherIsBetter: true, label: "bug sessions in the bug's best pattern (mean)" },
  { key: "pm.bugPurity", agent: "pm", higherIsBetter: true, label: "purity of each bug's best pattern (mean)" },
  { key: "pm.improvementCoverage", agent: "pm", higherIsBetter: true, label: "improvement sessions in its best pattern (mean)" },
  { key: "pm.improvementPurity", agent: "pm", higherIsBetter: true, label: "purity of each improvement's best pattern (mean)" },
  { key: "pm.adjustedRand", agent: "pm", higherIsBetter: true, label: "adjusted Rand index over all failures" },
  { key: "pm.ticketPrecision", agent: "pm", higherIsBetter: true, label: "tickets that are a distinct true problem" },
  { key: "pm.ticketRecall", agent: "pm", higherIsBetter: true, label: "ticket-worthy problems ticketed" },
  { key: "pm.decisionAccuracy", agent: "pm", higherIsBetter: true, label: "ticket-vs-flag decisions right" },
  { key: "pm.kindAccuracy", agent: "pm", higherIsBetter: true, label: "bug-vs-improvement right" },
  { key: "pm.fileHitRate", agent: "pm", higherIsBetter: true, label: "bugs located in the right file" },
  { key: "pm.lineHitRate", agent: "pm", higherIsBetter: true, label: `bugs located within ±LINE_TOLERANCE lines` },
  { key: "pm.frequentBugsLocated", agent: "pm", higherIsBetter: true, label: "bugs of FREQUENT_BUG_SESSIONS+ sessions in one pure pattern, file and line located" },
  { key: "pm.noiseTickets", agent: "pm", higherIsBetter: false, label: "tickets that stand for no true problem" },
];

/** A reported location within this many lines of the truth's line is a line hit. */
export const LINE_TOLERANCE = 5;
/** A bug with at least this many sessions must be found whole: one pattern, located to its file and line. */
export const FREQUENT_BUG_SESSIONS = 5;
/** "Whole": the best pattern holds at least this share of the bug's sessions, and they are at least this share of it. */
export const WHOLE_SHARE = 0.9;
for (const m of PM_METRICS) m.label = m.label.replace("LINE_TOLERANCE", String(LINE_TOLERANCE)).replace("FREQUENT_BUG_SESSIONS", String(FREQUENT_BUG_SESSIONS));

/** One true problem and where the PM put it. */
export interface ProblemResult {
  kind: "bug" | "improvement";
  id: string;
  sessions: number;
  /** The pattern holding most of its sessions (ties: the purer), or null when no pattern holds any. */
  best: { fingerprint: string; title: string; decision: string; kind: string; sessions: number } | null;
  coverage: number;
  purity: number;
  shouldTicket: boolean;
  fileHit: boolean | null;
  lineHit: boolean | null;
}

/** A pattern that is no true problem's best pattern: noise, a mix, or a split-off duplicate. */
export interface StrayPattern {
  fingerprint: string;
  title: string;
  kind: string;
  decision: string;
  sessions: number;
  /** The true problem most of its sessions share ("bug:<id>"), or null when none is a majority. */
  problem: string | null;
}

const causeKey = (t: TruthSession): string | null => (t.cause ? `${t.cause.kind}:${t.cause.id}` : null);

function normalizePath(path: string): string {
  return path.replace(/^\.?\//, "");
}

/** The PM's metrics against the truth (definitions in evals/README.md). */
export function pmMetrics(
  truth: Truth,
  truthBySession: Map<string, TruthSession>,
  patterns: FailurePattern[],
  ticketMinSessions: number,
): { metrics: Metrics; problems: ProblemResult[]; strays: StrayPattern[]; patternErrors: string[] } {
  const patternErrors = patterns.filter((p) => p.sessionIds.length !== p.sessions).map((p) => `pattern ${p.fingerprint} lists ${p.sessionIds.length} session ids for ${p.sessions} sessions`);
  const members = patterns.map((p) => new Set(p.sessionIds));
  const sessionsOf = new Map<string, string[]>();
  for (const [id, t] of truthBySession) {
    const key = causeKey(t);
    if (key) sessionsOf.set(key, [...(sessionsOf.get(key) ?? []), id]);
  }
  const problems: ProblemResult[] = [];
  const bestOf = new Map<string, number>();
  const listed = [...truth.bugs.map((b) => ({ kind: "bug" as const, id: b.id, bug: b })), ...truth.improvements.map((i) => ({ kind: "improvement" as const, id: i.id, bug: null }))];
  for (const problem of listed) {
    const ids = sessionsOf.get(`${problem.kind}:${problem.id}`) ?? [];
    if (ids.length === 0) continue;
    // The best pattern holds most of the problem's sessions; between equals, the purer one.
    let best = -1;
    let bestHits = 0;
    patterns.forEach((p, i) => {
      const hits = ids.filter((id) => members[i]!.has(id)).length;
      const purer = best >= 0 && hits / p.sessionIds.length > bestHits / patterns[best]!.sessionIds.length;
      if (hits > bestHits || (hits > 0 && hits === bestHits && purer)) [best, bestHits] = [i, hits];
    });
    const pattern = best >= 0 ? patterns[best]! : null;
    if (pattern) bestOf.set(`${problem.kind}:${problem.id}`, best);
    const locations = pattern?.codeLocations ?? [];
    const inFile = problem.bug ? locations.filter((l) => normalizePath(l.path) === normalizePath(problem.bug.file)) : [];
    problems.push({
      kind: problem.kind,
      id: problem.id,
      sessions: ids.length,
      best: pattern ? { fingerprint: pattern.fingerprint, title: pattern.title, decision: pattern.decision, kind: pattern.kind, sessions: pattern.sessionIds.length } : null,
      coverage: bestHits / ids.length,
      purity: pattern ? bestHits / pattern.sessionIds.length : 0,
      shouldTicket: ids.length >= ticketMinSessions,
      fileHit: problem.bug ? inFile.length > 0 : null,
      lineHit: problem.bug ? inFile.some((l) => l.line !== null && Math.abs(l.line - problem.bug.line) <= LINE_TOLERANCE) : null,
    });
  }
  const bugs = problems.filter((p) => p.kind === "bug");
  const improvements = problems.filter((p) => p.kind === "improvement");
  const mean = (xs: number[]): MetricValue => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

  // Each pattern stands for the problem most of its sessions share, if one is more than half of them.
  const problemOfPattern = patterns.map((p) => {
    const counts = new Map<string, number>();
    for (const id of p.sessionIds) {
      const key = truthBySession.get(id) ? causeKey(truthBySession.get(id)!) : null;
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [key, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0];
    return key && n * 2 > p.sessionIds.length ? key : null;
  });
  const expectedDecision = patterns.map((_p, i) => {
    const key = problemOfPattern[i];
    const result = key ? problems.find((r) => `${r.kind}:${r.id}` === key) : undefined;
    return key && result?.shouldTicket && bestOf.get(key) === i ? "ticket" : "flag";
  });
  const ticketed = patterns.map((p, i) => ({ p, i })).filter(({ p }) => p.decision === "ticket");
  const claimed = new Set<string>();
  let distinct = 0;
  for (const { i } of ticketed) {
    const key = problemOfPattern[i];
    if (key && !claimed.has(key)) {
      claimed.add(key);
      distinct++;
    }
  }
  const worthy = problems.filter((p) => p.shouldTicket);
  const frequentBugs = bugs.filter((b) => b.sessions >= FREQUENT_BUG_SESSIONS);
  const foundWhole = (b: ProblemResult): boolean => b.coverage >= WHOLE_SHARE && b.purity >= WHOLE_SHARE && b.fileHit === true && b.lineHit === true;
  const withProblem = patterns.map((p, i) => ({ p, key: problemOfPattern[i] })).filter((x) => x.key !== null);

  const metrics: Metrics = {
    "pm.bugCoverage": mean(bugs.map((b) => b.coverage)),
    "pm.bugPurity": mean(bugs.map((b) => b.purity)),
    "pm.improvementCoverage": mean(improvements.map((b) => b.coverage)),
    "pm.improvementPurity": mean(improvements.map((b) => b.purity)),
    "pm.adjustedRand": failureRand(truthBySession, patterns),
    "pm.ticketPrecision": share(distinct, ticketed.length),
    "pm.ticketRecall": share(worthy.filter((p) => claimed.has(`${p.kind}:${p.id}`)).length, worthy.length),
    "pm.decisionAccuracy": share(patterns.filter((p, i) => p.decision === expectedDecision[i]).length, patterns.length),
    "pm.kindAccuracy": share(withProblem.filter((x) => x.p.kind === x.key!.split(":")[0]).length, withProblem.length),
    "pm.fileHitRate": share(bugs.filter((b) => b.fileHit).length, bugs.length),
    "pm.lineHitRate": share(bugs.filter((b) => b.lineHit).length, bugs.length),
    "pm.frequentBugsLocated": share(frequentBugs.filter(foundWhole).length, frequentBugs.length),
    "pm.noiseTickets": ticketed.filter(({ i }) => problemOfPattern[i] === null).length,
  };
  const strays = patterns.flatMap((p, i) =>
    problemOfPattern[i] === null || bestOf.get(problemOfPattern[i]!) !== i ? [{ fingerprint: p.fingerprint, title: p.title, kind: p.kind, decision: p.decision, sessions: p.sessionIds.length, problem: problemOfPattern[i] ?? null }] : [],
  );
  return { metrics, problems, strays, patternErrors };
}

/**
 * ARI over every session that has a true cause or sits in a pattern: the truth's label is its cause
 * (none: a group of its own), the PM's is its largest pattern (none: a group of its own).
 */
function failureRand(truthBySession: Map<string, TruthSession>, patterns: FailurePattern[]): MetricValue {
  const patternOf = new Map<string, string>();
  const bySize = [...patterns].sort((a, b) => b.sessionIds.length - a.sessionIds.length || a.fingerprint.localeCompare(b.fingerprint));
  for (const p of bySize) for (const id of p.sessionIds) if (!patternOf.has(id)) patternOf.set(id, p.fingerprint);
  const items = [...truthBySession].filter(([id, t]) => t.cause !== null || patternOf.has(id));
  return adjustedRandIndex(
    items.map(([id, t]) => causeKey(t) ?? `alone:${id}`),
    items.map(([id]) => patternOf.get(id) ?? `alone:${id}`),
  );
}
