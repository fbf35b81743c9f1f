import type { Warehouse } from "../../warehouse/types.js";
import type { Outcome, SessionReport } from "../../state/report.js";
import { addScore, emptyDistribution } from "./npsMath.js";

const DAY_MS = 86_400_000;
const LOWEST_EXAMPLES = 5;
const SIGNALS_CHUNK = 1000;
const OUTCOMES: readonly Outcome[] = ["success", "partial", "failure", "bounce", "wrong_product"];

/** What the digest reads from a week's reports: counts and distributions, and the few lowest reports. */
export interface WeekReading {
  sessions: number;
  /** The product sessions' score distribution (bounces and wrong-product visitors left out). */
  overall: number[];
  outcomes: Record<Outcome, number>;
  byDepartment: Map<string, number[]>;
  /** The lowest-scoring product sessions' reports, lowest first. */
  lowest: SessionReport[];
  noise: Map<string, number>;
  /** The product sessions' score distribution per day of the session's start (UTC), seven days from `start`. */
  days: number[][];
}

/** A session of someone who used the product: not a bounce, not a visitor who wanted another product. */
export function isProductSession(r: Pick<SessionReport, "outcome">): boolean {
  return r.outcome !== "bounce" && r.outcome !== "wrong_product";
}

/**
 * Reads a week's reports as they come, keeping aggregates and a chunk of (session, score) pairs whose
 * start times are being looked up: memory is one page and one chunk, whatever the week's size.
 */
export async function readWeek(warehouse: Warehouse, reports: AsyncIterable<SessionReport>, start: Date): Promise<WeekReading> {
  const reading: WeekReading = {
    sessions: 0,
    overall: emptyDistribution(),
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
    byDepartment: new Map(),
    lowest: [],
    noise: new Map(),
    days: Array.from({ length: 7 }, () => emptyDistribution()),
  };
  let chunk: { sessionId: string; score: number }[] = [];
  for await (const r of reports) {
    reading.sessions++;
    reading.outcomes[r.outcome] = (reading.outcomes[r.outcome] ?? 0) + 1;
    for (const signal of r.noise ?? []) reading.noise.set(signal, (reading.noise.get(signal) ?? 0) + 1);
    // Bounces and wrong-product visitors are acquisition: reported beside the NPS, never in it.
    if (!isProductSession(r)) continue;
    addScore(reading.overall, r.score);
    const dept = reading.byDepartment.get(r.department) ?? emptyDistribution();
    addScore(dept, r.score);
    reading.byDepartment.set(r.department, dept);
    keepLowest(reading.lowest, r);
    chunk.push({ sessionId: r.sessionId, score: r.score });
    if (chunk.length === SIGNALS_CHUNK) {
      await addDays(warehouse, reading.days, chunk, start);
      chunk = [];
    }
  }
  await addDays(warehouse, reading.days, chunk, start);
  return reading;
}

/** A week's product sessions' score distribution, read as the reports come. */
export async function productDistribution(reports: AsyncIterable<SessionReport>): Promise<number[]> {
  const dist = emptyDistribution();
  for await (const r of reports) if (isProductSession(r)) addScore(dist, r.score);
  return dist;
}

/**
 * One report per session: the preferred analyst version's when there is one, else the last listed.
 * The reports come in listReports' order (session start, then id), so one session's are adjacent.
 */
export async function* oneReportPerSession(reports: AsyncIterable<SessionReport>, preferredVersion: string | undefined): AsyncGenerator<SessionReport> {
  let held: SessionReport | null = null;
  for await (const r of reports) {
    if (held && held.sessionId !== r.sessionId) {
      yield held;
      held = null;
    }
    if (!held || held.analystVersion !== preferredVersion) held = r;
  }
  if (held) yield held;
}

/** Adds a chunk of product sessions to the day of their start, read from the warehouse. */
async function addDays(warehouse: Warehouse, days: number[][], chunk: { sessionId: string; score: number }[], start: Date): Promise<void> {
  if (chunk.length === 0) return;
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

/** Keeps the few lowest-scoring reports, lowest first; earlier reports win ties. */
function keepLowest(lowest: SessionReport[], r: SessionReport): void {
  const last = lowest.at(-1);
  if (lowest.length >= LOWEST_EXAMPLES && last && last.score <= r.score) return;
  const at = lowest.findIndex((held) => held.score > r.score);
  lowest.splice(at === -1 ? lowest.length : at, 0, r);
  if (lowest.length > LOWEST_EXAMPLES) lowest.pop();
}
