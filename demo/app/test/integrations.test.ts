import assert from "node:assert/strict";
import { test } from "node:test";
import { authorizeUrl, HUBSPOT_SCOPES } from "../src/integrations/hubspot.js";
import { eventNames, testApp } from "./helpers.js";

test("the OAuth URL asks for Acme's scopes", () => {
  const app = testApp();
  const url = new URL(authorizeUrl(app.deps.hubspot, "state-1"));
  assert.equal(url.searchParams.get("scope"), HUBSPOT_SCOPES.join(" "));
  assert.equal(url.searchParams.get("state"), "state-1");
});

test("connecting HubSpot with contacts sync captures integration_connected", async () => {
  const app = testApp();
  const code = app.sandbox.authorize(HUBSPOT_SCOPES);
  const res = await app.call("POST", "/api/integrations/hubspot/connect", { code });
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.body), { provider: "hubspot", portalId: 48213, contacts: 2, companies: 0 });
  assert.deepEqual(eventNames(app), ["integration_connected"]);
});

test("an unknown OAuth code is rejected", async () => {
  const res = await testApp().call("POST", "/api/integrations/hubspot/connect", { code: "forged" });
  assert.equal(res.status, 500);
  assert.match(JSON.parse(res.body).message, /invalid authorization code/);
});

test("Slack connects without a sync", async () => {
  const app = testApp();
  const res = await app.call("POST", "/api/integrations/slack/connect", {});
  assert.equal(res.status, 200);
  assert.deepEqual(eventNames(app), ["integration_connected"]);
});
