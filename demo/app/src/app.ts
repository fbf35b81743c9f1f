// Route table: which handler serves which URL.
import { addStep, createWorkflow, getWorkflow, listWorkflows, publishWorkflow } from "./api/workflows.js";
import { connectSimpleProvider, finishHubSpotSetup, startHubSpotOAuth } from "./api/integrations.js";
import { uploadContacts } from "./api/imports.js";
import { listTools, runToolHandler } from "./api/tools.js";
import type { AppDeps } from "./deps.js";
import { renderHelp, renderHelpSearch } from "./pages/help.js";
import { renderHome, renderPricing, renderSignup } from "./pages/marketing.js";
import { renderHubSpotCallback, renderImport, renderIntegrations, renderTools } from "./pages/product.js";
import { renderRunsPage } from "./pages/runs.js";
import { publishFromSettings, renderEditor, renderSettings, renderWorkflowList } from "./pages/workflows.js";
import { Router } from "./router.js";

export function createApp(deps: AppDeps): Router {
  return new Router(deps)
    .on("GET", "/", renderHome)
    .on("GET", "/pricing", renderPricing)
    .on("GET", "/signup", renderSignup)
    .on("GET", "/help", renderHelp)
    .on("GET", "/help/search", renderHelpSearch)
    .on("GET", "/app/workflows", renderWorkflowList)
    .on("GET", "/app/workflows/:id/edit", renderEditor)
    .on("GET", "/app/workflows/:id/settings", renderSettings)
    .on("POST", "/app/workflows/:id/publish", publishFromSettings)
    .on("GET", "/app/workflows/:id/runs", renderRunsPage)
    .on("GET", "/app/integrations", renderIntegrations)
    .on("GET", "/app/integrations/hubspot/connect", startHubSpotOAuth)
    .on("GET", "/app/integrations/hubspot/callback", renderHubSpotCallback)
    .on("GET", "/app/tools", renderTools)
    .on("GET", "/app/import", renderImport)
    .on("GET", "/api/workflows", listWorkflows)
    .on("POST", "/api/workflows", createWorkflow)
    .on("GET", "/api/workflows/:id", getWorkflow)
    .on("POST", "/api/workflows/:id/steps", addStep)
    .on("POST", "/api/workflows/:id/publish", publishWorkflow)
    .on("POST", "/api/integrations/hubspot/connect", finishHubSpotSetup)
    .on("POST", "/api/integrations/:provider/connect", connectSimpleProvider)
    .on("GET", "/api/tools", listTools)
    .on("POST", "/api/tools/:name/run", runToolHandler)
    .on("POST", "/api/imports/contacts", uploadContacts);
}
