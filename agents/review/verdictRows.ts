import type { FixVerdict } from "../../state/verdict.js";
import { isoWeekOf, weekRange } from "../../runtime/week.js";
import type { TrendPoint, VerdictFigures, VerdictRow } from "./digestTypes.js";

const MAX_VERDICTS = 50;

/** From every stored verdict (oldest first), the latest check of each shipped fix made on data ending in this week, healed last. */
export function weekVerdicts(verdicts: FixVerdict[], week: string, clip: (s: string) => string): VerdictRow[] {
  const { start, end } = weekRange(week);
  const latest = new Map<string, FixVerdict>();
  for (const v of verdicts) {
    const asOf = Date.parse(v.asOf);
    if (asOf > start.getTime() && asOf <= end.getTime()) latest.set(v.ticketId, v); // listed oldest first
  }
  const order = { not_healed: 0, inconclusive: 1, healed: 2 } as const;
  return [...latest.values()]
    .sort((a, b) => order[a.verdict] - order[b.verdict] || a.ticketId.localeCompare(b.ticketId))
    .slice(0, MAX_VERDICTS)
    .map((v) => ({
      ticketId: v.ticketId,
      ticketUrl: v.ticketUrl,
      title: clip(v.title),
      department: v.department,
      shippedAt: v.shippedAt,
      shippedBy: v.shippedBy,
      verdict: v.verdict,
      reason: clip(v.reason),
      before: figures(v.before),
      after: v.after ? figures(v.after) : null,
      npsChange: v.npsChange,
      worse: v.worse,
      recurred: v.recurred,
      reopened: v.reopened,
    }));
}

function figures(w: NonNullable<FixVerdict["after"]>): VerdictFigures {
  return { sessions: w.sessions, productSessions: w.productSessions, perThousand: w.perThousand, nps: w.nps };
}

/** The weekly trend with the number of fixes that shipped in each week (each shipment counted once). */
export function markShipments(verdicts: FixVerdict[], points: TrendPoint[]): TrendPoint[] {
  const shipments = new Set(verdicts.map((v) => `${v.ticketId} ${v.shippedAt}`));
  const perWeek = new Map<string, number>();
  for (const key of shipments) {
    const week = isoWeekOf(new Date(key.slice(key.indexOf(" ") + 1)));
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return points.map((p) => ({ ...p, fixesShipped: perWeek.get(p.key) ?? 0 }));
}
