import { existsSync, readFileSync } from "node:fs";
import { clip } from "../../../agents/review/digestData.js";
import { pill, table } from "../../../agents/review/html.js";
import { FIX_STATUS, prLabel } from "../../../agents/review/labels.js";
import { escapeHtml as e, linkOrText } from "../../../agents/review/html.js";
import type { FixAttempt } from "../../../state/ticket.js";
import { git } from "../../../tools/codebase/git.js";
import { redactText } from "../../../agents/analysts/redact.js";
import { page } from "../layout.js";
import type { ReviewContext } from "../context.js";

/** A diff longer than this is cut on the page (the branch holds all of it). */
const MAX_DIFF = 200_000;

export function attemptHref(ticketId: string): string {
  return `/attempts/${encodeURIComponent(ticketId)}`;
}

/** Skynet's latest attempt at each ticket: status, verdict, tests before and after. */
export async function attemptsPage(ctx: ReviewContext, week: string | null): Promise<string> {
  const attempts = (await ctx.warehouse.listFixAttempts()).reverse();
  const rows = attempts.map(
    (a) => `<tr><td><a href="${e(attemptHref(a.ticketId))}"><code>${e(a.ticketId)}</code></a></td><td>${pill(FIX_STATUS[a.status].label, `fx-${a.status}`)}<div class="note">${e(clip(a.reason))}</div></td>` +
      `<td>${e(a.testsBefore === null ? "n/a" : clip(a.testsBefore))} → ${e(a.testsAfter === null ? "n/a" : clip(a.testsAfter))}</td><td><code>${e(a.branch)}</code></td><td>${a.prUrl ? linkOrText(a.prUrl, prLabel(a.prUrl)) : `<span class="muted">no PR</span>`}</td></tr>`,
  );
  const body = attempts.length
    ? `<section><h2>Skynet's attempts</h2>${table(["Ticket", "Status", "Tests before → after", "Branch", "Pull request"], rows)}</section>`
    : `<section><p class="muted">Skynet has made no attempt yet: <code>selfheal fix</code> works the open Skynet tickets.</p></section>`;
  return page({ title: "Skynet", productName: ctx.loaded.profile.product.name, section: "attempts", week, body });
}

/** One attempt: the verification verdict, the test output before and after, and the diff. */
export async function attemptPage(ctx: ReviewContext, ticketId: string): Promise<string | null> {
  const a = await ctx.warehouse.fixAttempt(ticketId);
  if (!a) return null;
  const ticket = await ctx.warehouse.ticket(ticketId);
  const d = a.details;
  const checks = d?.checks.map((c) => `<li>${c.ok ? "✔" : "✘"} <code>${e(c.command)}</code> ${e(clip(c.summary))}</li>`).join("") ?? "";
  const verdict = `<dl>
<dt>Status</dt><dd>${pill(FIX_STATUS[a.status].label, `fx-${a.status}`)} ${e(FIX_STATUS[a.status].explain)}</dd>
<dt>Why</dt><dd>${e(clip(a.reason))}</dd>
${ticket ? `<dt>Ticket</dt><dd>${linkOrText(ticket.url, ticket.id)} ${e(clip(ticket.title))}</dd>` : ""}
<dt>Branch</dt><dd><code>${e(a.branch)}</code></dd>
${d ? `<dt>Attempt</dt><dd>${e(d.attempt)} · ${e(d.steps)} model calls · ${e(d.tokens)} tokens</dd>` : ""}
${d?.problems.length ? `<dt>Problems</dt><dd><ul>${d.problems.map((p) => `<li>${e(clip(p))}</li>`).join("")}</ul></dd>` : ""}
${d?.violations.length ? `<dt>Sandbox</dt><dd><ul>${d.violations.map((v) => `<li>${e(clip(v))}</li>`).join("")}</ul></dd>` : ""}
${d?.reproTests.length ? `<dt>Reproduction</dt><dd>${d.reproTests.map((t) => `<code>${e(t)}</code>`).join(" ")}</dd>` : ""}
${checks ? `<dt>Checks</dt><dd><ul>${checks}</ul></dd>` : ""}
</dl>`;
  const output = (text: string | null): string => `<pre>${e(text === null ? "not run" : redactText(text))}</pre>`;
  const tests = `<div class="grid2"><div><h2>Tests before</h2>${output(a.testsBefore)}</div><div><h2>Tests after</h2>${output(a.testsAfter)}</div></div>`;
  const diff = await diffOf(a);
  const body = `<section>${verdict}</section><section>${tests}</section><section><h2>Diff</h2>${diff ? `<pre>${e(diff)}</pre>` : `<p class="muted">No change was written${a.status === "needs_model" ? ": writing the patch needs a model" : ""}.</p>`}</section>`;
  return page({ title: `Skynet on ${ticketId}`, productName: ctx.loaded.profile.product.name, section: "attempts", week: null, body });
}

/** The attempt's change: the patch file, else the fix commit, else what is left uncommitted in its worktree. */
async function diffOf(a: FixAttempt): Promise<string> {
  const patch = a.details?.patchPath;
  let text = "";
  if (patch && existsSync(patch)) text = readFileSync(patch, "utf8");
  else if (existsSync(a.worktree)) {
    const commit = a.details?.commit;
    text = await git(a.worktree, commit ? ["show", "--no-color", "--format=", commit] : ["diff", "--no-color", "HEAD"]).catch(() => "");
  }
  return text.length > MAX_DIFF ? `${text.slice(0, MAX_DIFF)}\n… cut at ${MAX_DIFF} characters` : text;
}
