import type { Warehouse } from "../../warehouse/types.js";
import { redactText } from "../analysts/redact.js";
import { cutText } from "../analysts/cutText.js";
import type { Outcome, SessionReport } from "../../state/report.js";
import type { Ticket, TicketStatus } from "../../state/ticket.js";
import type { FailurePattern } from "../../state/pattern.js";
import { isoWeekOf, weekRange } from "../../runtime/week.js";
import { addScore, change, emptyDistribution, meanFromDistribution, npsFromDistribution, roundTo } from "./npsMath.js";
import type { DepartmentRow, DigestData, ExampleReport, PatternRow, TicketRow, TrendPoint } from "./digestTypes.js";
import { markShipments, weekVerdicts } from "./verdictRows.js";

export type { DepartmentRow, DigestData, ExampleReport, FixRow, PatternRow, TicketRow, TrendPoint, VerdictRow } from "./digestTypes.js";

const DAY_MS = 86_400_000;
const DEFAULT_WEEKS_OF_TREND = 6;
const LOWEST_EXAMPLES = 5;
const MAX_TEXT = 600;
const MAX_CODE_LOCATIONS = 8;
const MAX_ROWS = 100;
const MAX_NOISE_ROWS = 10;
const SIGNALS_CHUNK = 1000;
const ACTIVE_TICKET: readonly TicketStatus[] = ["open", "in_progress", "in_review"];
const OUTCOMES: readonly Outcome[] = ["success", "partial", "failure", "bounce", "wrong_product"];

export async function collectDigest(
  warehouse: Warehouse,
  week: string,
  opts: { weeksOfTrend?: number; analystVersion?: string; reportsOf?: (week: string) => Promise<SessionReport[]> } = {},
): Promise<DigestData> {
  const { start } = weekRange(week);
  const version = opts.analystVersion;
  const weeksOfTrend = Math.max(0, Math.floor(opts.weeksOfTrend ?? DEFAULT_WEEKS_OF_TREND));

  // The caller's definition of a week's reports (one per session) wins; else the given analyst version's.
  const reportsOf = opts.reportsOf ?? (async (w: string) => oneReportPerSession(await warehouse.listReports({ week: w }), version));
  const reports = opts.reportsOf ? await opts.reportsOf(week) : oneReportPerSession(await warehouse.listReports({ week, analystVersion: version }), version);
  const weekPoint = async (w: string): Promise<TrendPoint> => pointOf(w, await reportsOf(w));
  const overall = emptyDistribution();
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const byDepartment = new Map<string, number[]>();
  const lowest: SessionReport[] = [];
  const noise = new Map<string, number>();
  for (const r of reports) {
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    for (const signal of r.noise ?? []) noise.set(signal, (noise.get(signal) ?? 0) + 1);
    // Bounces and wrong-product visitors are acquisition: reported beside the NPS, never in it.
    if (!isProductSession(r)) continue;
    addScore(overall, r.score);
    const dept = byDepartment.get(r.department) ?? emptyDistribution();
    addScore(dept, r.score);
    byDepartment.set(r.department, dept);
    keepLowest(lowest, r);
  }
  const dailyTrend = await dailyPoints(warehouse, reports, start);
  const sessions = reports.length;
  const impliedNps = npsFromDistribution(overall);
  const mean = meanFromDistribution(overall);

  const previousWeeks: TrendPoint[] = [];
  for (let back = weeksOfTrend; back >= 1; back--) {
    previousWeeks.push(await weekPoint(isoWeekOf(new Date(start.getTime() - back * 7 * DAY_MS))));
  }
  const verdicts = await warehouse.listVerdicts(); // read once: the trend marks shipments, the section shows the week's checks
  const weeklyTrend = markShipments(verdicts, [...previousWeeks, { key: week, label: weekLabel(week), sessions: overall.reduce((a, b) => a + b, 0), nps: impliedNps }]);
  const prevWeek = isoWeekOf(new Date(start.getTime() - 7 * DAY_MS));
  const prevPoint = previousWeeks.at(-1) ?? (await weekPoint(prevWeek));

  const allTickets = await warehouse.listTickets();
  const ticketByFingerprint = new Map(allTickets.map((t) => [t.fingerprint, t]));
  const patterns = (await warehouse.listPatterns(week)).map((p) => patternRow(p, ticketByFingerprint.get(p.fingerprint)?.id ?? null));

  const weekStartIso = start.toISOString();
  const linked = new Set(patterns.map((p) => p.ticketId).filter((id): id is string => id !== null));
  const shownTickets = allTickets
    .filter((t) => ACTIVE_TICKET.includes(t.status) || t.updatedAt >= weekStartIso || linked.has(t.id))
    .sort((a, b) => a.priority - b.priority);
  const shownIds = new Set(shownTickets.map((t) => t.id));
  const ticketById = new Map(allTickets.map((t) => [t.id, t]));
  const attempts = (await warehouse.listFixAttempts()).filter((a) => shownIds.has(a.ticketId) || a.createdAt >= weekStartIso);

  return {
    week,
    firstDay: isoDate(start),
    lastDay: isoDate(new Date(start.getTime() + 6 * DAY_MS)),
    analystVersion: version ?? null,
    generatedAt: new Date().toISOString(),
    sessions,
    productSessions: overall.reduce((a, b) => a + b, 0),
    acquisition: { bounces: outcomes.bounce, wrongProduct: outcomes.wrong_product },
    noise: [...noise.entries()]
      .map(([signal, n]) => ({ signal: clip(signal), sessions: n }))
      .sort((a, b) => b.sessions - a.sessions || a.signal.localeCompare(b.signal))
      .slice(0, MAX_NOISE_ROWS),
    impliedNps,
    meanScore: mean === null ? null : roundTo(mean, 1),
    previousWeek: { week: prevWeek, sessions: prevPoint.sessions, impliedNps: prevPoint.nps },
    npsChange: change(impliedNps, prevPoint.nps),
    distribution: overall,
    outcomes,
    departments: [...byDepartment.entries()]
      .map(([department, dist]) => departmentRow(department, dist))
      .sort((a, b) => b.sessions - a.sessions || a.department.localeCompare(b.department)),
    weeklyTrend,
    dailyTrend,
    patterns,
    tickets: shownTickets.slice(0, MAX_ROWS).map(ticketRow),
    ticketsTotal: shownTickets.length,
    fixAttempts: attempts.slice(0, MAX_ROWS).map((a) => ({
      ticketId: a.ticketId,
      ticketTitle: ticketById.has(a.ticketId) ? clip(ticketById.get(a.ticketId)?.title ?? "") : null,
      status: a.status,
      branch: a.branch,
      prUrl: a.prUrl,
      reason: clip(a.reason),
      testsBefore: a.testsBefore === null ? null : clip(a.testsBefore),
      testsAfter: a.testsAfter === null ? null : clip(a.testsAfter),
      createdAt: a.createdAt,
    })),
    fixAttemptsTotal: attempts.length,
    fixVerdicts: weekVerdicts(verdicts, week, clip),
    lowest: lowest.map((r): ExampleReport => ({
      sessionId: r.sessionId,
      score: r.score,
      outcome: r.outcome,
      department: r.department,
      userIntent: clip(r.userIntent),
      userSuccess: clip(r.userSuccess),
      improvement: clip(r.improvement),
    })),
  };
}

/** One report per session: the preferred analyst version's when there is one, else the last listed. */
function oneReportPerSession(reports: SessionReport[], preferredVersion: string | undefined): SessionReport[] {
  const bySession = new Map<string, SessionReport>();
  for (const r of reports) {
    const held = bySession.get(r.sessionId);
    if (!held || held.analystVersion !== preferredVersion) bySession.set(r.sessionId, r);
  }
  return bySession.size === reports.length ? reports : [...bySession.values()];
}

/** A session of someone who used the product: not a bounce, not a visitor who wanted another product. */
export function isProductSession(r: Pick<SessionReport, "outcome">): boolean {
  return r.outcome !== "bounce" && r.outcome !== "wrong_product";
}

function pointOf(week: string, reports: SessionReport[]): TrendPoint {
  const dist = emptyDistribution();
  for (const r of reports) if (isProductSession(r)) addScore(dist, r.score);
  return { key: week, label: weekLabel(week), sessions: dist.reduce((a, b) => a + b, 0), nps: npsFromDistribution(dist) };
}

/** The week's NPS per day of the session's start (UTC), reading start times a chunk of sessions at a time. */
async function dailyPoints(warehouse: Warehouse, reports: SessionReport[], start: Date): Promise<TrendPoint[]> {
  const days = Array.from({ length: 7 }, () => emptyDistribution());
  const product = reports.filter(isProductSession);
  for (let i = 0; i < product.length; i += SIGNALS_CHUNK) {
    const chunk = product.slice(i, i + SIGNALS_CHUNK);
    const startedAt = new Map<string, string>();
    for (const s of await warehouse.sessionSignals(chunk.map((r) => r.sessionId))) startedAt.set(s.sessionId, s.startedAt);
    for (const r of chunk) {
      const at = startedAt.get(r.sessionId);
      if (at === undefined) continue;
      const index = Math.min(6, Math.max(0, Math.floor((Date.parse(at) - start.getTime()) / DAY_MS)));
      const day = days[index];
      if (day) addScore(day, r.score);
    }
  }
  return days.map((dist, i) => {
    const date = new Date(start.getTime() + i * DAY_MS);
    const sessions = dist.reduce((a, b) => a + b, 0);
    return { key: isoDate(date), label: dayLabel(date), sessions, nps: npsFromDistribution(dist) };
  });
}

/** Keeps the few lowest-scoring reports, lowest first; earlier reports win ties. */
function keepLowest(lowest: SessionReport[], r: SessionReport): void {
  const last = lowest.at(-1);
  if (lowest.length >= LOWEST_EXAMPLES && last && last.score <= r.score) return;
  const at = lowest.findIndex((held) => held.score > r.score);
  lowest.splice(at === -1 ? lowest.length : at, 0, r);
  if (lowest.length > LOWEST_EXAMPLES) lowest.pop();
}

function departmentRow(department: string, dist: number[]): DepartmentRow {
  const mean = meanFromDistribution(dist);
  return {
    department,
    sessions: dist.reduce((a, b) => a + b, 0),
    meanScore: mean === null ? null : roundTo(mean, 1),
    impliedNps: npsFromDistribution(dist),
  };
}

/** A pattern as the digest and the review app show it: redacted, cut, with a few code locations. */
export function patternRow(p: FailurePattern, ticketId: string | null): PatternRow {
  return {
    fingerprint: p.fingerprint,
    title: clip(p.title),
    kind: p.kind,
    department: p.department,
    sessions: p.sessions,
    averageScore: roundTo(p.averageScore, 1),
    decision: p.decision,
    priority: p.priority,
    route: clip(p.route),
    codeLocations: p.codeLocations.slice(0, MAX_CODE_LOCATIONS),
    moreCodeLocations: Math.max(0, p.codeLocations.length - MAX_CODE_LOCATIONS),
    ticketId,
  };
}

export function ticketRow(t: Ticket): TicketRow {
  return {
    id: t.id,
    url: t.url,
    title: clip(t.title),
    kind: t.kind,
    status: t.status,
    priority: t.priority,
    labels: t.labels.slice(0, 12),
    sessions: t.sessions,
  };
}

/** Text from data, as every page shows it: cut to a readable length, then redacted. */
export function clip(text: string): string {
  return redactText(cutText(text, MAX_TEXT));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function dayLabel(d: Date): string {
  return `${DAY_NAMES[d.getUTCDay()] ?? ""} ${d.getUTCDate()}`;
}

/** "2026-W07" -> "W07". */
function weekLabel(week: string): string {
  return week.slice(5);
}
