// Connecting integrations. HubSpot goes through OAuth, then a first sync proves the token works.
import { bodyObject, HttpError, json, redirect, stringField, type AppResponse } from "../http.js";
import { authorizeUrl, exchangeCode } from "../integrations/hubspot.js";
import { param, type RequestContext } from "../router.js";

export const PROVIDERS = ["hubspot", "slack", "gmail"] as const;

export function startHubSpotOAuth(ctx: RequestContext): AppResponse {
  return redirect(authorizeUrl(ctx.deps.hubspot, `acme-${ctx.req.userId}`));
}

export async function finishHubSpotSetup(ctx: RequestContext): Promise<AppResponse> {
  const body = bodyObject(ctx.req.body);
  const code = stringField(body, "code");
  if (!code) throw new HttpError(400, "Missing OAuth code");
  const syncCompanies = body.syncCompanies === true || body.syncCompanies === "on";
  const client = await exchangeCode(ctx.deps.hubspot, code);
  const contacts = await client.listContacts();
  const companies = syncCompanies ? await client.listCompanies() : [];
  ctx.deps.analytics.capture(ctx.req.userId, "integration_connected", {
    provider: "hubspot",
    portal_id: client.portalId,
    contacts: contacts.length,
    companies: companies.length,
  });
  return json(200, { provider: "hubspot", portalId: client.portalId, contacts: contacts.length, companies: companies.length });
}

/** Slack and Gmail need no first sync; connecting them records the grant. */
export function connectSimpleProvider(ctx: RequestContext): AppResponse {
  const provider = param(ctx, "provider");
  if (!PROVIDERS.includes(provider as (typeof PROVIDERS)[number]) || provider === "hubspot") {
    throw new HttpError(404, `Unknown provider ${provider}`);
  }
  ctx.deps.analytics.capture(ctx.req.userId, "integration_connected", { provider });
  return json(200, { provider });
}
