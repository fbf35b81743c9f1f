import { clip } from "../../../agents/review/digestData.js";
import { scoreBadge } from "../../../agents/review/renderDigest.js";
import { OUTCOME_NAMES } from "../../../agents/review/labels.js";
import { escapeHtml as e } from "../../../agents/review/html.js";
import { buildTranscript } from "../../../agents/analysts/transcript.js";
import { isoWeekOf } from "../../../runtime/week.js";
import { page } from "../layout.js";
import { reportsOf, type ReviewContext } from "../context.js";

/** A generous budget: a person reads the page, and the transcript is the session's evidence. */
const TRANSCRIPT_TOKENS = 20_000;

/** One session: the report that speaks for it and its transcript, redacted as a model would read it. */
export async function sessionPage(ctx: ReviewContext, sessionId: string): Promise<string | null> {
  const [signals] = await ctx.warehouse.sessionSignals([sessionId]);
  if (!signals) return null;
  const week = isoWeekOf(new Date(signals.startedAt));
  const report = (await reportsOf(ctx, week)).find((r) => r.sessionId === sessionId);
  const transcript = buildTranscript(await ctx.warehouse.sessionEvents(sessionId), ctx.loaded.profile, TRANSCRIPT_TOKENS);
  const reportHtml = report
    ? `<div class="story-head">${scoreBadge(report.score)}${e(OUTCOME_NAMES[report.outcome])} · ${e(clip(report.department))} · ${e(report.analyst)} analyst <span class="note">${e(report.analystVersion)}</span></div>
<dl><dt>Wanted</dt><dd>${e(clip(report.userIntent))}</dd><dt>What happened</dt><dd>${e(clip(report.userSuccess))}</dd>${report.improvement ? `<dt>What to change</dt><dd>${e(clip(report.improvement))}</dd>` : ""}<dt>Evidence</dt><dd>${report.evidence.map((id) => `<code>${e(id)}</code>`).join(" ")}</dd></dl>`
    : `<p class="muted">No report speaks for this session yet: run <code>selfheal gather</code>.</p>`;
  const shown = transcript.eventsShown < transcript.events ? ` (${transcript.eventsShown} of ${transcript.events} events shown)` : "";
  const body = `<section><h2>Report</h2>${reportHtml}</section>
<section><h2>Transcript</h2><p class="note">Redacted: emails, phone and card numbers, tokens, keys, IP addresses and secrets in URLs are replaced${e(shown)}.</p><pre>${e(transcript.text)}</pre></section>`;
  return page({ title: `Session ${sessionId}`, productName: ctx.loaded.profile.product.name, section: "patterns", week, body });
}
