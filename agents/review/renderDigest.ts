import type { DigestData, FixRow, PatternRow, TicketRow } from "./digestData.js";
import type { Outcome } from "../../state/report.js";
import { barChart, horizontalBars, lineChart } from "./charts.js";
import { bandOf } from "./npsMath.js";
import { COLORS, escapeHtml, formatCount, formatMaybe, formatSigned, linkOrText, npsColor, pill, priorityName, table } from "./html.js";
import { fixesSection, trendMarks } from "./renderVerdicts.js";
import { DIGEST_CSS } from "./styles.js";
import { FIX_STATUS, longDate, OUTCOME_NAMES, prLabel } from "./labels.js";

const OUTCOME_COLORS: Record<Outcome, string> = {
  success: COLORS.promoter,
  partial: COLORS.passive,
  failure: COLORS.detractor,
  bounce: COLORS.neutral,
  wrong_product: "#8e7cc3",
};

const e = escapeHtml;

/** The Monday digest as one self-contained HTML page: inline CSS and SVG, no scripts, every data string escaped. */
export function renderDigestHtml(data: DigestData, product: { name: string }): string {
  const title = `${product.name} — weekly review ${data.week}`;
  const empty = data.sessions === 0;
  const body = [
    header(data, product.name),
    headline(data),
    empty ? `<p class="empty">No sessions were scored this week.</p>` : "",
    trend(data),
    fixesSection(data),
    empty ? "" : scores(data),
    empty ? "" : departments(data),
    patterns(data.patterns),
    flagged(data.patterns),
    noise(data),
    tickets(data),
    attempts(data),
    empty ? "" : stories(data),
    `<footer>Generated ${e(data.generatedAt)} by selfheal${data.analystVersion ? ` · analyst ${e(data.analystVersion)}` : ""}.</footer>`,
  ].join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${DIGEST_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function header(d: DigestData, name: string): string {
  return `<header><p class="eyebrow">Monday review</p><h1>${e(name)}</h1>
<p class="sub">Week <strong>${e(d.week)}</strong> · ${e(longDate(d.firstDay))} – ${e(longDate(d.lastDay))}</p></header>`;
}

export function headline(d: DigestData): string {
  const prev = d.previousWeek;
  const changeText =
    d.npsChange !== null
      ? `<span class="big" style="color:${d.npsChange >= 0 ? COLORS.promoter : COLORS.detractor}">${e(formatSigned(d.npsChange))}</span>`
      : `<span class="big muted">n/a</span>`;
  const prevText = prev.impliedNps === null ? `no scored sessions in ${prev.week}` : `${prev.week}: NPS ${prev.impliedNps} over ${formatCount(prev.sessions)} sessions`;
  return `<section class="cards">
${card("Sessions scored", `<span class="big">${e(formatCount(d.sessions))}</span>`, "sessions with an implied-NPS report")}
${card("Implied NPS", `<span class="big" style="color:${npsColor(d.impliedNps)}">${e(formatMaybe(d.impliedNps))}</span>`, `product satisfaction: % promoters (9-10) − % detractors (0-6) over ${formatCount(d.productSessions)} sessions of people who used the product`)}
${card("Acquisition", `<span class="big">${e(formatCount(d.acquisition.bounces + d.acquisition.wrongProduct))}</span>`, `not in the NPS: ${formatCount(d.acquisition.bounces)} quick bounces, ${formatCount(d.acquisition.wrongProduct)} visitors who wanted another product`)}
${card("Mean score", d.meanScore === null ? `<span class="big muted">n/a</span>` : `<span class="big">${e(d.meanScore.toFixed(1))}</span><span class="unit">/10</span>`, "average implied answer")}
${card("Change vs previous week", changeText, prevText)}
</section>`;
}

function card(label: string, value: string, note: string): string {
  return `<div class="card"><div class="card-label">${e(label)}</div><div>${value}</div><div class="note">${e(note)}</div></div>`;
}

export function trend(d: DigestData): string {
  const weekly = lineChart(
    d.weeklyTrend.map((p) => ({ label: `${p.label}${p.fixesShipped ? " ⚑" : ""}`, value: p.nps, note: `${p.sessions} sessions${p.fixesShipped ? `, ${p.fixesShipped} fix(es) shipped` : ""}` })),
    { title: "Implied NPS per week", min: -100, max: 100, ticks: [-100, -50, 0, 50, 100] },
  );
  const daily = lineChart(
    d.dailyTrend.map((p) => ({ label: p.label, value: p.nps, note: `${p.sessions} sessions` })),
    { title: `Implied NPS per day of ${d.week}`, min: -100, max: 100, ticks: [-100, -50, 0, 50, 100] },
  );
  return `<section><h2>Implied-NPS trend</h2><div class="grid2">
<figure>${weekly}<figcaption>Per week, the last ${d.weeklyTrend.length} weeks. Weeks with no scored sessions are gaps, not zeros.${trendMarks(d)}</figcaption></figure>
<figure>${daily}<figcaption>Per day of ${e(d.week)}, by the session's start (UTC).</figcaption></figure>
</div></section>`;
}

export function scores(d: DigestData): string {
  const bars = d.distribution.map((value, score) => ({ label: String(score), value, color: COLORS[bandOf(score)] }));
  const outcomes = (Object.keys(OUTCOME_COLORS) as Outcome[]).map((o) => ({ label: OUTCOME_NAMES[o], value: d.outcomes[o], color: OUTCOME_COLORS[o] }));
  return `<section><div class="grid2">
<div><h2>Score distribution</h2><figure>${barChart(bars, { title: "Sessions per implied score, 0 to 10" })}
<figcaption><span class="dot" style="background:${COLORS.detractor}"></span>detractors 0-6 <span class="dot" style="background:${COLORS.passive}"></span>passives 7-8 <span class="dot" style="background:${COLORS.promoter}"></span>promoters 9-10</figcaption></figure></div>
<div><h2>Outcomes</h2><figure>${horizontalBars(outcomes, { title: "Sessions per outcome" })}</figure></div>
</div></section>`;
}

export function departments(d: DigestData): string {
  const rows = d.departments.map(
    (r) => `<tr><td>${e(r.department)}</td><td class="num">${e(formatCount(r.sessions))}</td><td class="num">${e(formatMaybe(r.meanScore, 1))}</td>` +
      `<td class="num" style="color:${npsColor(r.impliedNps)}">${e(formatMaybe(r.impliedNps))}</td></tr>`,
  );
  return `<section><h2>Departments</h2>${table(["Department", "Sessions", "Mean score", "Implied NPS"], rows, [1, 2, 3])}</section>`;
}

/** The patterns table; `linkOf` makes each title a link (the review app's pattern pages). */
export function patterns(list: PatternRow[], linkOf?: (p: PatternRow) => string): string {
  if (list.length === 0) return `<section><h2>Patterns</h2><p class="muted">No failure patterns were found this week.</p></section>`;
  const titleOf = (p: PatternRow): string => (linkOf ? `<a href="${e(linkOf(p))}">${e(p.title)}</a>` : e(p.title));
  const rows = list.map(
    (p) => `<tr><td>${titleOf(p)}<div class="note">${e(p.department)} · mean score ${e(p.averageScore.toFixed(1))}</div></td>` +
      `<td>${pill(p.kind, p.kind === "bug" ? "bug" : "improvement")}</td><td class="num">${e(formatCount(p.sessions))}</td>` +
      `<td class="nowrap">${p.decision === "ticket" ? `ticket${p.ticketId ? ` <code>${e(p.ticketId)}</code>` : ""}` : "flag"}</td>` +
      `<td>${pill(priorityName(p.priority), `p${p.priority}`)}</td><td>${locations(p)}</td></tr>`,
  );
  return `<section><h2>Patterns</h2>${table(["Pattern", "Kind", "Sessions", "Decision", "Priority", "Code locations"], rows, [2])}</section>`;
}

function locations(p: PatternRow): string {
  if (p.codeLocations.length === 0) return `<span class="muted">none found</span>`;
  const items = p.codeLocations.map((l) => `<code>${e(l.line === null ? l.path : `${l.path}:${l.line}`)}</code>`);
  if (p.moreCodeLocations > 0) items.push(`<span class="muted">and ${p.moreCodeLocations} more</span>`);
  return items.join("<br>");
}

function flagged(list: PatternRow[]): string {
  const items = list.filter((p) => p.decision === "flag");
  const inner = items.length
    ? `<ul class="flagged">${items
        .map((p) => `<li><strong>${e(p.title)}</strong> — ${e(formatCount(p.sessions))} sessions, ${e(p.kind)}, ${e(priorityName(p.priority))}.${p.route ? ` <span class="note">${e(p.route)}</span>` : ""}</li>`)
        .join("")}</ul>`
    : `<p class="muted">Nothing was flagged without a ticket this week.</p>`;
  return `<section><h2>Flagged, not ticketed</h2><p class="note">Seen this week, but below the bar for a ticket. Worth a look if they keep coming back.</p>${inner}</section>`;
}

function noise(d: DigestData): string {
  if (!d.noise.length) return "";
  const rows = d.noise.map((n) => `<tr><td><code>${e(n.signal)}</code></td><td class="num">${e(formatCount(n.sessions))}</td></tr>`);
  return `<section><h2>Noise</h2><p class="note">Errors from outside the product (browser extensions, third-party scripts) and benign browser errors: counted here, never ticketed, and they lower no session's score.</p>
${table(["Error", "Sessions"], rows, [1])}</section>`;
}

function tickets(d: DigestData): string {
  return ticketTable(d.tickets, d.ticketsTotal, "No open tickets and none changed this week.");
}

/** The tickets table: id linked to the tracker (Linear), title, state, priority, labels. */
export function ticketTable(list: TicketRow[], total: number, emptyText: string): string {
  if (list.length === 0) return `<section><h2>Tickets</h2><p class="muted">${e(emptyText)}</p></section>`;
  const rows = list.map(
    (t) => `<tr><td class="nowrap"><code>${linkOrText(t.url, t.id)}</code></td><td>${e(t.title)}</td><td>${pill(t.status.replace("_", " "), `st-${t.status}`)}</td>` +
      `<td>${pill(priorityName(t.priority), `p${t.priority}`)}</td><td>${t.labels.map((l) => `<span class="label">${e(l)}</span>`).join(" ")}</td></tr>`,
  );
  const more = total > list.length ? `<p class="note">Showing ${list.length} of ${total} tickets.</p>` : "";
  return `<section><h2>Tickets</h2>${table(["Ticket", "Title", "Status", "Priority", "Labels"], rows)}${more}</section>`;
}

function attempts(d: DigestData): string {
  if (d.fixAttempts.length === 0) return `<section><h2>Skynet's attempts</h2><p class="muted">Skynet made no fix attempts for these tickets.</p></section>`;
  const rows = d.fixAttempts.map(attemptRow);
  const more = d.fixAttemptsTotal > d.fixAttempts.length ? `<p class="note">Showing ${d.fixAttempts.length} of ${d.fixAttemptsTotal} attempts.</p>` : "";
  return `<section><h2>Skynet's attempts</h2>${table(["Ticket", "Status", "Branch", "Pull request"], rows)}${more}</section>`;
}

function attemptRow(a: FixRow): string {
  const s = FIX_STATUS[a.status];
  const tests = a.testsBefore !== null || a.testsAfter !== null ? `<div class="note">Tests before: ${e(a.testsBefore ?? "n/a")} · after: ${e(a.testsAfter ?? "n/a")}</div>` : "";
  return `<tr><td><code class="nowrap">${e(a.ticketId)}</code>${a.ticketTitle ? `<div class="note">${e(a.ticketTitle)}</div>` : ""}</td>` +
    `<td>${pill(s.label, `fx-${a.status}`)}<div class="note">${e(s.explain)}</div>${a.reason ? `<div class="note">${e(a.reason)}</div>` : ""}${tests}</td>` +
    `<td><code>${e(a.branch)}</code></td><td>${a.prUrl ? linkOrText(a.prUrl, prLabel(a.prUrl)) : `<span class="muted">no PR</span>`}</td></tr>`;
}

function stories(d: DigestData): string {
  const items = d.lowest.map(
    (r) => `<article class="story"><div class="story-head">${scoreBadge(r.score)}` +
      `<code>${e(r.sessionId)}</code> · ${e(OUTCOME_NAMES[r.outcome])} · ${e(r.department)}</div>` +
      `<dl><dt>Wanted</dt><dd>${e(r.userIntent)}</dd><dt>What happened</dt><dd>${e(r.userSuccess)}</dd>` +
      `${r.improvement ? `<dt>What to change</dt><dd>${e(r.improvement)}</dd>` : ""}</dl></article>`,
  );
  return `<section><h2>Lowest-scoring sessions</h2><p class="note">The ${d.lowest.length} lowest-scoring sessions of the week, in the analyst's words.</p>${items.join("\n")}</section>`;
}

/** A session's score as a badge in its NPS band's colour. */
export function scoreBadge(score: number): string {
  return `<span class="score" style="background:${COLORS[bandOf(score)]}">${e(score)}</span>`;
}
