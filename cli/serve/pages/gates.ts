import { escapeHtml as e, linkOrText } from "../../../agents/review/html.js";
import { pill } from "../../../agents/review/html.js";
import { HumanInterruptSchema } from "../../../state/humanInterrupt.js";
import type { PendingGate } from "../../../graphs/host/pendingGates.js";
import type { GraphOutcome } from "../../../graphs/host/runOnThread.js";
import type { TriageSummary } from "../../../graphs/pm/state.js";
import type { AttemptLine } from "../../../graphs/skynet/state.js";
import { page } from "../layout.js";
import type { ReviewContext } from "../context.js";

/** The pending gates, each with the answers its config allows. A payload that is no HumanInterrupt is shown as such, never answered. */
export function gatesPage(ctx: ReviewContext, pending: PendingGate[], token: string): string {
  const body = pending.length
    ? pending.map((p) => gateSection(p, token)).join("\n")
    : `<section><p class="muted">No gate is waiting. <code>selfheal run</code> and <code>selfheal triage</code> stop at their gates until someone answers here.</p></section>`;
  return page({ title: "Pending gates", productName: ctx.loaded.profile.product.name, section: "gates", week: null, body });
}

function gateSection(p: PendingGate, token: string): string {
  const checked = HumanInterruptSchema.safeParse(p.gate);
  if (!checked.success) {
    return `<section><h2><code>${e(p.threadId)}</code></h2><p class="error">This gate's payload is not an Agent Inbox HumanInterrupt: ${e(checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "))}</p></section>`;
  }
  const gate = checked.data;
  const hidden = `<input type="hidden" name="token" value="${e(token)}"><input type="hidden" name="thread" value="${e(p.threadId)}">`;
  const form = (inner: string): string => `<form class="answer" method="post" action="/gates/answer">${hidden}${inner}</form>`;
  const c = gate.config;
  const forms = [
    c.allow_accept ? form(`<button class="primary" name="answer" value="accept">Accept</button>`) : "",
    c.allow_ignore ? form(`<button name="answer" value="ignore">Ignore</button>`) : "",
    c.allow_respond ? form(`<input type="text" name="text" aria-label="Response" placeholder="instructions for another attempt"><button name="answer" value="response">Respond</button>`) : "",
    c.allow_edit ? form(`<textarea name="edit" aria-label="Edited arguments">${e(JSON.stringify(editable(gate.action_request.args), null, 2))}</textarea><button name="answer" value="edit">Save edit</button>`) : "",
  ].join("\n");
  return `<section class="gate"><h2>${pill(gate.action_request.action, "p3")} <code>${e(p.threadId)}</code></h2>
${gate.description ? `<pre>${e(gate.description)}</pre>` : ""}
${forms}</section>`;
}

/** What a reviewer edits: the arguments, less the diff (shown in the description, not editable). */
function editable(args: Record<string, unknown>): Record<string, unknown> {
  const { diff: _diff, ...rest } = args;
  return rest;
}

/** What resuming the run led to: finished (with what each stage reported) or waiting at its next gate. */
export function answeredPage(ctx: ReviewContext, threadId: string, answer: string, outcome: GraphOutcome<unknown>): string {
  const head = `<p id="result"><strong>${e(threadId)}</strong>: ${e(answer)} → ${outcome.status === "done" ? "the run finished" : `the run is waiting at its next gate, ${e(outcome.gate.action_request.action)}`}.</p>`;
  const body = outcome.status === "done" ? `${head}${stateSummary(outcome.state)}` : `${head}<p><a href="/gates">Answer it</a></p>`;
  return page({ title: "Gate answered", productName: ctx.loaded.profile.product.name, section: "gates", week: null, body: `<section>${body}</section>` });
}

function stateSummary(state: unknown): string {
  const s = (state ?? {}) as { triageSummary?: TriageSummary | null; fixSummary?: { attempts: AttemptLine[] } | null; digest?: { path: string } | null };
  const parts: string[] = [];
  if (s.triageSummary) {
    const t = s.triageSummary;
    parts.push(`<h2>Triage</h2><p>Gate ${e(t.gate)}: ${e(t.filed.length)} ticket change(s) filed of ${e(t.ticketed)} proposed.</p>`);
    if (t.filed.length) parts.push(`<ul>${t.filed.map((f) => `<li>${e(f.action)} ${linkOrText(f.url, f.ticketId)}</li>`).join("")}</ul>`);
  }
  if (s.fixSummary) {
    parts.push(`<h2>Skynet</h2><ul>${s.fixSummary.attempts.map((a) => `<li><code>${e(a.ticket)}</code> ${e(a.status)} — ${e(a.reason)}</li>`).join("") || "<li>nothing to work on</li>"}</ul>`);
  }
  if (s.digest) parts.push(`<h2>Digest</h2><p><code>${e(s.digest.path)}</code></p>`);
  return parts.join("\n");
}

/** A page that says what was wrong with an answer; the gate still waits. */
export function problemPage(ctx: ReviewContext, message: string): string {
  return page({ title: "Not answered", productName: ctx.loaded.profile.product.name, section: "gates", week: null, body: `<section><p class="error">${e(message)}</p><p><a href="/gates">Back to the gates</a></p></section>` });
}
