// JSON API for workflows: list, read, create, add a step, publish.
import { bodyObject, HttpError, json, stringField, type AppResponse } from "../http.js";
import { STEP_TYPES, type StepType, type Workflow } from "../model.js";
import { param, type RequestContext } from "../router.js";
import { assertResponse, s } from "./schema.js";

export interface StepDto {
  id: string;
  type: StepType;
  name: string;
  config: Record<string, unknown> | null;
}

export interface WorkflowDto {
  id: string;
  name: string;
  status: Workflow["status"];
  timezone: string;
  steps: StepDto[];
  updatedAt: string;
}

const stepSchema = s.object({ id: s.string, type: s.enum(STEP_TYPES), name: s.string, config: s.record });

export const workflowSchema = s.object({
  id: s.string,
  name: s.string,
  status: s.enum(["draft", "published"]),
  timezone: s.string,
  steps: s.array(stepSchema),
  updatedAt: s.string,
});

export function serializeWorkflow(workflow: Workflow): WorkflowDto {
  return {
    id: workflow.id,
    name: workflow.name,
    status: workflow.status,
    timezone: workflow.timezone,
    steps: workflow.steps.map((step) => ({ id: step.id, type: step.type, name: step.name, config: step.config ?? null })),
    updatedAt: workflow.updatedAt,
  };
}

export function listWorkflows(ctx: RequestContext): AppResponse {
  const items = ctx.deps.store.listWorkflows().map((wf) => ({ id: wf.id, name: wf.name, status: wf.status }));
  return json(200, { items });
}

export function getWorkflow(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  const body = serializeWorkflow(workflow);
  assertResponse(`GET /api/workflows/${workflow.id}`, workflowSchema, body);
  return json(200, body);
}

export function createWorkflow(ctx: RequestContext): AppResponse {
  const body = bodyObject(ctx.req.body);
  const name = stringField(body, "name")?.trim();
  if (!name) throw new HttpError(400, "A workflow needs a name");
  const { store, analytics } = ctx.deps;
  const now = new Date().toISOString();
  const workflow = store.saveWorkflow({
    id: store.nextId("wf"),
    name,
    ownerId: ctx.req.userId,
    status: "draft",
    timezone: stringField(body, "timezone") ?? "UTC",
    steps: [{ id: store.nextId("st"), type: "trigger", name: "Manual trigger", config: { event: "manual" } }],
    createdAt: now,
    updatedAt: now,
  });
  analytics.capture(ctx.req.userId, "workflow_created", { workflow_id: workflow.id });
  return json(201, serializeWorkflow(workflow));
}

export function addStep(ctx: RequestContext): AppResponse {
  const body = bodyObject(ctx.req.body);
  const type = STEP_TYPES.find((t) => t === body.type);
  if (!type) throw new HttpError(400, `Unknown step type ${String(body.type)}`);
  const { store } = ctx.deps;
  const workflow = store.getWorkflow(param(ctx, "id"));
  const config = typeof body.config === "object" && body.config !== null ? (body.config as Record<string, unknown>) : undefined;
  const step = { id: store.nextId("st"), type, name: stringField(body, "name") ?? type, config };
  workflow.steps.push(step);
  workflow.updatedAt = new Date().toISOString();
  return json(201, { id: step.id });
}

export function publishWorkflow(ctx: RequestContext): AppResponse {
  const workflow = ctx.deps.store.getWorkflow(param(ctx, "id"));
  workflow.status = "published";
  workflow.updatedAt = new Date().toISOString();
  ctx.deps.analytics.capture(ctx.req.userId, "workflow_published", { workflow_id: workflow.id });
  return json(200, { id: workflow.id, status: workflow.status });
}
