// Workflow pages: the list, the step editor and the settings page.
import { redirect, type AppResponse } from "../http.js";
import type { Workflow } from "../model.js";
import { param, type RequestContext } from "../router.js";
import { escapeHtml, page } from "./layout.js";

function tabs(workflow: Workflow, active: "edit" | "settings" | "runs"): string {
  const tab = (key: string, label: string): string =>
    `<a class="tab${key === active ? " is-active" : ""}" href="/app/workflows/${workflow.id}/${key}">${label}</a>`;
  return `<div class="tabs">${tab("edit", "Editor")}${tab("settings", "Settings")}${tab("runs", "Runs")}</div>`;
}

export function renderWorkflowList(ctx: RequestContext): AppResponse {
  const rows = ctx.deps.store
    .listWorkflows()
    .map((wf) => `<li><a href="/app/workflows/${wf.id}/edit">${escapeHtml(wf.name)}</a> <span class="badge">${wf.status}</span></li>`)
    .join("");
  return page("Workflows", `<h1>Workflows</h1><button class="btn btn-primary" id="new-workflow">New workflow</button><ul>${rows}</ul>`);
}

export function renderEditor(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  const steps = workflow.steps
    .map((step) => `<li class="step" data-step="${step.id}">${escapeHtml(step.name)} <small>${step.type}</small></li>`)
    .join("");
  // The toolbar mirrors the settings actions; publishing itself happens on the settings page.
  const toolbar =
    `<div class="toolbar"><button class="btn" id="add-step">Add step</button>` +
    `<button class="btn" id="test-run">Test run</button>` +
    `<span class="toolbar-item is-disabled">Publish</span></div>`;
  return page(workflow.name, `<h1>${escapeHtml(workflow.name)}</h1>${tabs(workflow, "edit")}${toolbar}<ol class="steps">${steps}</ol>`);
}

export function renderSettings(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  const publish =
    workflow.status === "published"
      ? `<p class="badge">Published</p>`
      : `<form method="post" action="/app/workflows/${workflow.id}/publish"><button class="btn btn-primary" type="submit">Publish</button></form>`;
  return page(
    `${workflow.name} settings`,
    `<h1>${escapeHtml(workflow.name)}</h1>${tabs(workflow, "settings")}` +
      `<label>Timezone <input name="timezone" value="${escapeHtml(workflow.timezone)}"></label>` +
      `<section class="danger-zone"><h2>Status</h2>${publish}</section>`,
  );
}

export function publishFromSettings(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  workflow.status = "published";
  ctx.deps.analytics.capture(ctx.req.userId, "workflow_published", { workflow_id: workflow.id });
  return redirect(`/app/workflows/${workflow.id}/settings`);
}
