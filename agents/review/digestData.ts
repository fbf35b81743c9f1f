import type { Warehouse } from "../../warehouse/types.js";
import { redactText } from "../analysts/redact.js";
import { cutText } from "../analysts/cutText.js";
import type { SessionReport } from "../../state/report.js";
import type { Ticket, TicketStatus } from "../../state/ticket.js";
import type { FailurePattern } from "../../state/pattern.js";
import { isoWeekOf, weekRange } from "../../runtime/week.js";
import { change, meanFromDistribution, npsFromDistribution, roundTo } from "./npsMath.js";
import { oneReportPerSession, productDistribution, readWeek } from "./weekReading.js";
import { reportStream } from "../analysts/reportStream.js";
import type { DepartmentRow, DigestData, ExampleReport, PatternRow, TicketRow, TrendPoint } from "./digestTypes.js";
import { markShipments, weekVerdicts } from "./verdictRows.js";

export { isProductSession } from "./weekReading.js";
export type { DepartmentRow, DigestData, ExampleReport, FixRow, PatternRow, TicketRow, TrendPoint, VerdictRow } from "./digestTypes.js";

const DAY_MS = 86_400_000;
const DEFAULT_WEEKS_OF_TREND = 6;
const MAX_TEXT = 600;
const MAX_CODE_LOCATIONS = 8;
const MAX_ROWS = 100;
const MAX_NOISE_ROWS = 10;
const ACTIVE_TICKET: readonly TicketStatus[] = ["open", "in_progress", "in_review"];

export async function collectDigest(
  warehouse: Warehouse,
  week: string,
  opts: { weeksOfTrend?: number; analystVersion?: string; reportsOf?: (week: string) => AsyncIterable<SessionReport> } = {},
): Promise<DigestData> {
  const { start } = weekRange(week);
  const version = opts.analystVersion;
  const weeksOfTrend = Math.max(0, Math.floor(opts.weeksOfTrend ?? DEFAULT_WEEKS_OF_TREND));

  // The caller's definition of a week's reports (one per session) wins; else the given analyst version's. Read as they come: nothing holds a week.
  const reportsOf = opts.reportsOf ?? ((w: string) => oneReportPerSession(reportStream(warehouse, { week: w }), version));
  const reports = opts.reportsOf ? opts.reportsOf(week) : oneReportPerSession(reportStream(warehouse, { week, analystVersion: version }), version);
  const weekPoint = async (w: string): Promise<TrendPoint> => pointOf(w, await productDistribution(reportsOf(w)));
  const { sessions, overall, outcomes, byDepartment, lowest, noise, days } = await readWeek(warehouse, reports, start);
  const dailyTrend = dailyPoints(days, start);
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

function pointOf(week: string, dist: number[]): TrendPoint {
  return { key: week, label: weekLabel(week), sessions: dist.reduce((a, b) => a + b, 0), nps: npsFromDistribution(dist) };
}

/** The week's NPS per day of the session's start (UTC). */
function dailyPoints(days: number[][], start: Date): TrendPoint[] {
  return days.map((dist, i) => {
    const date = new Date(start.getTime() + i * DAY_MS);
    const sessions = dist.reduce((a, b) => a + b, 0);
    return { key: isoDate(date), label: dayLabel(date), sessions, nps: npsFromDistribution(dist) };
  });
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
