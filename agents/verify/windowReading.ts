import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { FailurePattern } from "../../state/pattern.js";
import type { Ticket } from "../../state/ticket.js";
import type { SessionReport } from "../../state/report.js";
import type { SessionSignals } from "../../state/session.js";
import { currentReportStream } from "../analysts/currentReports.js";
import { currentSignals } from "../analysts/currentSignals.js";
import { isProductSession } from "../review/digestData.js";
import { groupFailures } from "../pm/groupFailures.js";
import { adoptFingerprints } from "../pm/adoptFingerprints.js";
import { isoWeekOf } from "../../runtime/week.js";

const DAY_MS = 86_400_000;
const SIGNALS_CHUNK = 1000;

/** A window's product sessions as the PM reads them: each with its score, department and patterns. */
export interface WindowReading {
  from: Date;
  to: Date;
  sessions: { sessionId: string; score: number; department: string }[];
  /** Fingerprint -> ids of the window's sessions it hit, grouped exactly as the weekly PM groups them. */
  hits: Map<string, Set<string>>;
}

/** The ISO weeks that overlap [from, to). */
function weeksOverlapping(from: Date, to: Date): string[] {
  const weeks = new Set<string>();
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) weeks.add(isoWeekOf(new Date(t)));
  weeks.add(isoWeekOf(new Date(to.getTime() - 1)));
  return [...weeks];
}

/**
 * Reads the product sessions that started in [from, to) and the patterns they hit. Patterns are grouped
 * by the PM's own rules over the window, and improvements adopt their ticket's fingerprint as the PM does,
 * so a pattern is the same pattern before and after a fix.
 */
export async function readWindow(warehouse: Warehouse, profile: ProductProfile, from: Date, to: Date, tickets: Ticket[]): Promise<WindowReading> {
  const sessions: WindowReading["sessions"] = [];
  const troubled: SessionReport[] = [];
  const signalsById = new Map<string, SessionSignals>();
  // A chunk of reports at a time with their signals; kept: the window's sessions (slim) and its troubled reports.
  let chunk: SessionReport[] = [];
  const take = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const signals = new Map((await currentSignals(warehouse, chunk.map((r) => r.sessionId))).map((s) => [s.sessionId, s]));
    for (const r of chunk) {
      const started = Date.parse(signals.get(r.sessionId)?.startedAt ?? "");
      if (!isProductSession(r) || !(started >= from.getTime() && started < to.getTime())) continue;
      sessions.push({ sessionId: r.sessionId, score: r.score, department: r.department });
      if (r.outcome === "success" && !r.improvement) continue;
      troubled.push({ ...r, evidence: [] });
      const s = signals.get(r.sessionId);
      if (s) signalsById.set(r.sessionId, s);
    }
    chunk = [];
  };
  for (const week of weeksOverlapping(from, to)) {
    for await (const r of currentReportStream(warehouse, profile, week)) if (chunk.push(r) === SIGNALS_CHUNK) await take();
  }
  await take();
  const groups = groupFailures(troubled, signalsById, profile);
  const patterns = adoptFingerprints(groups.map((g) => asPattern(g.fingerprint, g.kind, g.title, g.sessionIds)), tickets);
  const hits = new Map<string, Set<string>>();
  for (const p of patterns) hits.set(p.fingerprint, new Set(p.sessionIds));
  return { from, to, sessions, hits };
}

/** The fields adoptFingerprints reads, in the pattern's shape; the rest are not computed here. */
function asPattern(fingerprint: string, kind: FailurePattern["kind"], title: string, sessionIds: string[]): FailurePattern {
  return { fingerprint, kind, title, sessionIds, week: "", signal: "", department: "", sessions: sessionIds.length, intents: [], averageScore: 0, codeLocations: [], decision: "flag", priority: 4, route: "" };
}
