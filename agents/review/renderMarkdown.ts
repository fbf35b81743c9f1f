import type { DigestData, FixRow, PatternRow } from "./digestTypes.js";
import { formatCount, formatMaybe, formatSigned, priorityName } from "./html.js";
import { FIX_STATUS, longDate, OUTCOME_NAMES, prLabel, SHIPPED_BY_NAMES, VERDICT_NAMES } from "./labels.js";
import { npsChangeText, verdictFlags, windowText } from "./renderVerdicts.js";
import type { Outcome } from "../../state/report.js";

/** A table cell: plain text (text() escapes the pipe that would end it). */
const cell = (value: string): string => text(value);

/**
 * The Monday digest as Markdown for a chat message, from the same data as the HTML page. Every string
 * that comes from sessions, patterns or tickets is escaped, so it can neither format the message nor
 * mention a whole channel.
 */
export function renderDigestMarkdown(data: DigestData, product: { name: string }): string {
  const empty = data.sessions === 0;
  const sections = [
    `# ${text(product.name)}: weekly review ${data.week}`,
    `${longDate(data.firstDay)} – ${longDate(data.lastDay)}`,
    headline(data),
    empty ? "_No sessions were scored this week._" : scores(data),
    trend(data),
    fixes(data),
    empty ? "" : departments(data),
    patterns(data.patterns),
    flagged(data.patterns),
    noise(data),
    tickets(data),
    attempts(data),
    empty ? "" : lowest(data),
    `_Generated ${data.generatedAt} by selfheal${data.analystVersion ? ` · analyst ${text(data.analystVersion)}` : ""}._`,
  ];
  return `${sections.filter(Boolean).join("\n\n")}\n`;
}

function headline(d: DigestData): string {
  const change = d.npsChange === null ? "" : ` (${formatSigned(d.npsChange)} against ${d.previousWeek.week})`;
  const mean = d.meanScore === null ? "n/a" : `${d.meanScore.toFixed(1)}/10`;
  const acquisition = d.acquisition.bounces + d.acquisition.wrongProduct;
  const outside = acquisition ? `\nAcquisition, not in the NPS: ${formatCount(d.acquisition.bounces)} quick bounces, ${formatCount(d.acquisition.wrongProduct)} visitors who wanted another product` : "";
  return `**Implied NPS ${formatSigned(d.impliedNps)}** over ${formatCount(d.productSessions)} sessions of people who used the product${change} · ${formatCount(d.sessions)} sessions scored · mean score ${mean}${outside}`;
}

/** Bars of one character per score, lowest to highest, so the shape reads at a glance in a chat line. */
const BARS = "▁▂▃▄▅▆▇█";

function scores(d: DigestData): string {
  const max = Math.max(...d.distribution, 1);
  const bars = d.distribution.map((n) => (n === 0 ? " " : BARS[Math.min(BARS.length - 1, Math.floor((n / max) * (BARS.length - 1)))])).join("");
  const outcomes = (Object.keys(OUTCOME_NAMES) as Outcome[]).filter((o) => d.outcomes[o] > 0).map((o) => `${OUTCOME_NAMES[o]} ${formatCount(d.outcomes[o])}`);
  return `Scores 0–10: \`${bars}\` · ${outcomes.join(" · ")}`;
}

function trend(d: DigestData): string {
  const points = d.weeklyTrend.map((p) => `${p.label}${p.fixesShipped ? " ⚑" : ""} ${formatSigned(p.nps)}`);
  const marks = d.weeklyTrend.some((p) => p.fixesShipped) ? " (⚑ fixes shipped)" : "";
  return `Implied NPS per week${marks}: ${points.join(" → ")}`;
}

function fixes(d: DigestData): string {
  if (d.fixVerdicts.length === 0) return "## Did last week's fixes work?\n\nNo shipped fix was checked this week.";
  const items = d.fixVerdicts.map((v) => {
    const flags = verdictFlags(v);
    return `- ${link(v.ticketUrl, v.ticketId)} **${VERDICT_NAMES[v.verdict]}**${flags.length ? ` (${flags.join(", ")})` : ""} · ${text(v.title)}\n` +
      `  shipped ${v.shippedAt.slice(0, 10)} (${SHIPPED_BY_NAMES[v.shippedBy]}) · before: ${text(windowText(v.before))} · after: ${text(windowText(v.after))} · flow NPS change ${text(npsChangeText(v.npsChange))}\n` +
      `  ${text(v.reason)}`;
  });
  return `## Did last week's fixes work?\n\n${items.join("\n")}`;
}

function departments(d: DigestData): string {
  const rows = d.departments.map((r) => `| ${cell(r.department)} | ${formatCount(r.sessions)} | ${formatMaybe(r.meanScore, 1)} | ${formatSigned(r.impliedNps)} |`);
  return ["## Departments", "", "| Department | Sessions | Mean score | Implied NPS |", "| --- | ---: | ---: | ---: |", ...rows].join("\n");
}

function patterns(list: PatternRow[]): string {
  const ticketed = list.filter((p) => p.decision === "ticket");
  if (ticketed.length === 0) return "## Patterns\n\nNo failure pattern reached a ticket this week.";
  const items = ticketed.map((p, i) => {
    const where = p.codeLocations.map((l) => code(l.line === null ? l.path : `${l.path}:${l.line}`));
    if (p.moreCodeLocations > 0) where.push(`and ${p.moreCodeLocations} more`);
    const ticket = p.ticketId ? ` · ${code(p.ticketId)}` : "";
    return `${i + 1}. **${text(p.title)}**\n   ${p.kind} · ${priorityName(p.priority)} · ${formatCount(p.sessions)} sessions · ${text(p.department)}${ticket}${where.length ? `\n   ${where.join(", ")}` : ""}`;
  });
  return `## Patterns\n\n${items.join("\n")}`;
}

function flagged(list: PatternRow[]): string {
  const items = list.filter((p) => p.decision === "flag");
  if (items.length === 0) return "";
  return `## Flagged, not ticketed\n\n${items.map((p) => `- ${text(p.title)}: ${formatCount(p.sessions)} sessions, ${p.kind}`).join("\n")}`;
}

function noise(d: DigestData): string {
  if (d.noise.length === 0) return "";
  const rows = d.noise.map((n) => `| ${cell(n.signal)} | ${formatCount(n.sessions)} |`);
  const why = "Errors from outside the product (browser extensions, third-party scripts) and benign browser errors: counted here, never ticketed, and they lower no session's score.";
  return ["## Noise", "", why, "", "| Error | Sessions |", "| --- | ---: |", ...rows].join("\n");
}

function tickets(d: DigestData): string {
  if (d.tickets.length === 0) return "## Tickets\n\nNo open tickets and none changed this week.";
  const items = d.tickets.map((t) => `- ${link(t.url, t.id)} ${text(t.title)} · ${t.status.replace("_", " ")} · ${priorityName(t.priority)}`);
  const more = d.ticketsTotal > d.tickets.length ? `\n\n_Showing ${d.tickets.length} of ${d.ticketsTotal} tickets._` : "";
  return `## Tickets\n\n${items.join("\n")}${more}`;
}

function attempts(d: DigestData): string {
  if (d.fixAttempts.length === 0) return "";
  const more = d.fixAttemptsTotal > d.fixAttempts.length ? `\n\n_Showing ${d.fixAttempts.length} of ${d.fixAttemptsTotal} attempts._` : "";
  return `## Skynet's attempts\n\n${d.fixAttempts.map(attempt).join("\n")}${more}`;
}

function attempt(a: FixRow): string {
  const pr = a.prUrl ? ` · ${link(a.prUrl, prLabel(a.prUrl))}` : "";
  const tests = a.testsBefore !== null || a.testsAfter !== null ? `\n  tests before: ${text(a.testsBefore ?? "n/a")} · after: ${text(a.testsAfter ?? "n/a")}` : "";
  return `- ${code(a.ticketId)} **${FIX_STATUS[a.status].label}** · branch ${code(a.branch)}${pr}${tests}`;
}

function lowest(d: DigestData): string {
  const items = d.lowest.map(
    (r) => `- **${r.score}/10** ${code(r.sessionId)} · ${OUTCOME_NAMES[r.outcome]} · ${text(r.department)}\n  wanted: ${text(r.userIntent)}\n  happened: ${text(r.userSuccess)}`,
  );
  return `## Lowest-scoring sessions\n\n${items.join("\n")}`;
}

/**
 * Plain text inside Markdown: one line (a line break could start a heading or a list), with every
 * character that could open emphasis, code, a link, an HTML tag, a table cell or a mention escaped.
 */
export function text(value: string): string {
  return value.replace(/\s+/g, " ").replace(/[\\`*_[\]<>|~@]/g, "\\$&");
}



/** Inline code: a backtick inside would end it early, so it becomes a quote. */
function code(value: string): string {
  return `\`${value.replace(/\s+/g, " ").replace(/`/g, "'")}\``;
}

/** A link only to http(s) URLs; anything else is shown as text. */
function link(url: string, label: string): string {
  return /^https?:\/\/[^\s<>()]+$/i.test(url) ? `[${text(label)}](${url})` : text(label);
}
