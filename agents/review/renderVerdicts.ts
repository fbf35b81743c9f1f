import type { DigestData, VerdictRow } from "./digestTypes.js";
import { escapeHtml as e, formatCount, formatSigned, linkOrText, pill, table } from "./html.js";
import { SHIPPED_BY_NAMES, VERDICT_NAMES } from "./labels.js";

/** "12 of 1,000 (12‰) · NPS -40", or "no data yet". */
export function windowText(w: VerdictRow["before"] | null): string {
  if (!w) return "no data yet";
  return `${formatCount(w.sessions)} of ${formatCount(w.productSessions)} sessions (${w.perThousand ?? "n/a"}‰) · flow NPS ${formatSigned(w.nps)}`;
}

/** "+31 (95% CI +18 to +44)", or "n/a". */
export function npsChangeText(c: VerdictRow["npsChange"]): string {
  if (!c) return "n/a";
  const r = (n: number): string => formatSigned(Math.round(n));
  return `${r(c.change)} (${Math.round(c.confidence * 100)}% CI ${r(c.low)} to ${r(c.high)})`;
}

/** What else a verdict says: made things worse, came back, ticket reopened. */
export function verdictFlags(v: VerdictRow): string[] {
  return [v.worse ? "made things worse" : "", v.recurred ? "came back" : "", v.reopened ? "ticket reopened" : ""].filter(Boolean);
}

/** "Did last week's fixes work?": each shipped fix checked this week, its verdict and its figures. */
export function fixesSection(d: DigestData): string {
  const title = `<h2>Did last week's fixes work?</h2>`;
  if (d.fixVerdicts.length === 0) return `<section>${title}<p class="muted">No shipped fix was checked this week. A fix counts as shipped once its pull request or branch is merged, or its ticket is done.</p></section>`;
  const rows = d.fixVerdicts.map(
    (v) => `<tr><td><code class="nowrap">${linkOrText(v.ticketUrl, v.ticketId)}</code><div class="note">${e(v.title)}</div></td>` +
      `<td>${pill(VERDICT_NAMES[v.verdict], `v-${v.verdict}`)}${verdictFlags(v).map((f) => `<div class="note"><strong>${e(f)}</strong></div>`).join("")}</td>` +
      `<td class="nowrap">${e(v.shippedAt.slice(0, 10))}<div class="note">${e(SHIPPED_BY_NAMES[v.shippedBy])}</div></td>` +
      `<td>${e(windowText(v.before))}</td><td>${e(windowText(v.after))}</td><td class="nowrap">${e(npsChangeText(v.npsChange))}<div class="note">${e(v.department)}</div></td>` +
      `<td class="note">${e(v.reason)}</td></tr>`,
  );
  return `<section>${title}<p class="note">Each shipped fix, against the sessions after it: the pattern's share of sessions before and after, and the implied NPS of its flow (its department), with an exact test and a confidence interval.</p>
${table(["Ticket", "Verdict", "Shipped", "Before", "After", "Flow NPS change", "Why"], rows)}</section>`;
}

/** The trend caption's word on the weeks marked ⚑. */
export function trendMarks(d: DigestData): string {
  return d.weeklyTrend.some((p) => p.fixesShipped) ? " ⚑ marks the weeks where fixes shipped." : "";
}
