// A workflow's run history, with times in the workflow's timezone.
import type { AppResponse } from "../http.js";
import { formatRunTime } from "../format/dates.js";
import { param, type RequestContext } from "../router.js";
import { escapeHtml, page } from "./layout.js";

export function renderRunsPage(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  let rows = "";
  for (const run of ctx.deps.store.runsFor(workflow.id)) {
    const when = formatRunTime(run.startedAt, workflow.timezone);
    rows += `<tr><td>${run.id}</td><td>${escapeHtml(when)}</td><td>${run.status}</td></tr>`;
  }
  const table = rows ? `<table class="runs"><tbody>${rows}</tbody></table>` : `<p>No runs yet.</p>`;
  return page(`${workflow.name} runs`, `<h1>${escapeHtml(workflow.name)}: runs</h1>${table}`);
}
