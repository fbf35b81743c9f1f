// Tools API: the catalog, and running one tool on demand from the Tools page.
import { bodyObject, json, type AppResponse } from "../http.js";
import { param, type RequestContext } from "../router.js";
import { TOOL_CATALOG } from "../tools/catalog.js";
import { runTool } from "../tools/runner.js";

export function listTools(): AppResponse {
  return json(200, { tools: TOOL_CATALOG.map(({ name, title, description }) => ({ name, title, description })) });
}

export async function runToolHandler(ctx: RequestContext): Promise<AppResponse> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(bodyObject(ctx.req.body))) {
    if (typeof value === "string") input[key] = value;
  }
  const run = await runTool(param(ctx, "name"), input, ctx.deps.clock);
  ctx.deps.analytics.capture(ctx.req.userId, "tool_run_succeeded", { tool: run.tool, run_id: run.runId });
  return json(200, run);
}
