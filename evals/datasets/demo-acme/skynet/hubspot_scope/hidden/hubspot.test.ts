import assert from "node:assert/strict";
import { test } from "node:test";
import { authorizeUrl, HUBSPOT_SCOPES } from "../src/integrations/hubspot.js";
import { testApp } from "../test/helpers.js";

test("connecting HubSpot with company sync syncs the portal's companies", async () => {
  const app = testApp();
  const code = app.sandbox.authorize(HUBSPOT_SCOPES);
  const res = await app.call("POST", "/api/integrations/hubspot/connect", { code, syncCompanies: true });
  assert.equal(res.status, 200, res.body);
  const body = JSON.parse(res.body) as { companies: number; contacts: number };
  assert.ok(body.companies > 0, `expected the sandbox portal's companies, got ${body.companies}`);
  assert.ok(body.contacts > 0);
});

test("the consent screen asks for company read access", () => {
  const url = new URL(authorizeUrl(testApp().deps.hubspot, "s"));
  assert.ok((url.searchParams.get("scope") ?? "").split(" ").includes("crm.objects.companies.read"));
});
