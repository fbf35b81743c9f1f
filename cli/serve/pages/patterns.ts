import { clip, patternRow } from "../../../agents/review/digestData.js";
import { patterns, scoreBadge } from "../../../agents/review/renderDigest.js";
import { pill, table } from "../../../agents/review/html.js";
import { OUTCOME_NAMES } from "../../../agents/review/labels.js";
import { escapeHtml as e, formatCount, priorityName } from "../../../agents/review/html.js";
import { page } from "../layout.js";
import { reportsOf, type ReviewContext } from "../context.js";

/** Sessions listed on a pattern's page; the rest are counted. */
const MAX_SESSIONS = 200;

export function patternHref(week: string, fingerprint: string): string {
  return `/patterns/${encodeURIComponent(fingerprint)}?week=${encodeURIComponent(week)}`;
}

export function sessionHref(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}`;
}

/** The week's patterns, each linked to its sessions. */
export async function patternsPage(ctx: ReviewContext, week: string): Promise<string> {
  const ticketOf = new Map((await ctx.warehouse.listTickets()).map((t) => [t.fingerprint, t.id]));
  const rows = (await ctx.warehouse.listPatterns(week)).map((p) => patternRow(p, ticketOf.get(p.fingerprint) ?? null));
  const body = patterns(rows, (p) => patternHref(week, p.fingerprint));
  return page({ title: `Patterns of ${week}`, productName: ctx.loaded.profile.product.name, section: "patterns", week, body });
}

/** One pattern: what its sessions share, where in the code, and the sessions with their reports. */
export async function patternPage(ctx: ReviewContext, week: string, fingerprint: string): Promise<string | null> {
  const found = (await ctx.warehouse.listPatterns(week)).find((p) => p.fingerprint === fingerprint);
  if (!found) return null;
  const ticket = await ctx.warehouse.ticketByFingerprint(fingerprint);
  const p = patternRow(found, ticket?.id ?? null);
  const reports = new Map((await reportsOf(ctx, week)).map((r) => [r.sessionId, r]));
  const shown = found.sessionIds.slice(0, MAX_SESSIONS);
  const rows = shown.map((id) => {
    const r = reports.get(id);
    const score = r ? scoreBadge(r.score) : `<span class="muted">no report</span>`;
    return `<tr><td><a href="${e(sessionHref(id))}"><code>${e(id)}</code></a></td><td>${score}</td><td>${r ? e(OUTCOME_NAMES[r.outcome]) : ""}</td><td>${r ? e(clip(r.userIntent)) : ""}</td></tr>`;
  });
  const more = found.sessionIds.length > shown.length ? `<p class="note">Showing ${shown.length} of ${formatCount(found.sessionIds.length)} sessions.</p>` : "";
  const locations = p.codeLocations.map((l) => `<code>${e(l.line === null ? l.path : `${l.path}:${l.line}`)}</code>`).join("<br>") || `<span class="muted">none found</span>`;
  const body = `<section><h2>${e(p.title)}</h2>
<p>${pill(p.kind, p.kind === "bug" ? "bug" : "improvement")} ${pill(priorityName(p.priority), `p${p.priority}`)} ${e(formatCount(p.sessions))} sessions · ${e(p.department)} · mean score ${e(p.averageScore.toFixed(1))} · ${p.decision === "ticket" ? `ticket ${p.ticketId ? `<code>${e(p.ticketId)}</code>` : "(not filed yet)"}` : "flagged"}</p>
<dl><dt>Signal</dt><dd><code>${e(clip(found.signal))}</code></dd><dt>Proposed route</dt><dd>${e(p.route)}</dd><dt>Code</dt><dd>${locations}</dd></dl></section>
<section><h2>Sessions</h2>${table(["Session", "Score", "Outcome", "Wanted"], rows)}${more}</section>`;
  return page({ title: `Pattern in ${week}`, productName: ctx.loaded.profile.product.name, section: "patterns", week, body });
}
