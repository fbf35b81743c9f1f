// The Integrations, Tools and Import pages. Their forms post to the JSON API from a small script.
import type { AppResponse } from "../http.js";
import type { RequestContext } from "../router.js";
import { TOOL_CATALOG } from "../tools/catalog.js";
import { escapeHtml, page } from "./layout.js";

export function renderIntegrations(): AppResponse {
  return page(
    "Integrations",
    `<h1>Integrations</h1><div class="cards">` +
      `<div class="card"><h2>HubSpot</h2><a class="btn btn-primary" href="/app/integrations/hubspot/connect">Connect HubSpot</a></div>` +
      `<div class="card"><h2>Slack</h2><button class="btn" data-provider="slack">Connect Slack</button></div>` +
      `<div class="card"><h2>Gmail</h2><button class="btn" data-provider="gmail">Connect Gmail</button></div></div>`,
  );
}

/** Where HubSpot redirects after consent; the user picks what to sync, then finishes. */
export function renderHubSpotCallback(ctx: RequestContext): AppResponse {
  const code = ctx.req.query.get("code") ?? "";
  return page(
    "Finish HubSpot setup",
    `<h1>Finish HubSpot setup</h1><form id="hubspot-setup" data-api="/api/integrations/hubspot/connect">` +
      `<input type="hidden" name="code" value="${escapeHtml(code)}">` +
      `<label><input type="checkbox" name="syncContacts" checked disabled> Sync contacts</label>` +
      `<label><input type="checkbox" name="syncCompanies"> Sync companies</label>` +
      `<button class="btn btn-primary" type="submit">Finish setup</button></form>`,
  );
}

export function renderTools(): AppResponse {
  const cards = TOOL_CATALOG.map(
    (tool) =>
      `<div class="card" data-tool="${tool.name}"><h2>${escapeHtml(tool.title)}</h2><p>${escapeHtml(tool.description)}</p>` +
      `<button class="btn btn-primary">Run tool</button></div>`,
  ).join("");
  return page("Tools", `<h1>AI tools</h1><div class="cards">${cards}</div>`);
}

export function renderImport(): AppResponse {
  return page(
    "Import contacts",
    `<h1>Import contacts</h1><form id="csv-import" data-api="/api/imports/contacts">` +
      `<input type="file" name="file" accept=".csv,text/csv">` +
      `<button class="btn btn-primary" type="submit">Import</button></form>`,
  );
}
