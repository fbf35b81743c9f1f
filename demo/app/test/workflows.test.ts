import assert from "node:assert/strict";
import { test } from "node:test";
import { eventNames, testApp } from "./helpers.js";

test("lists the seeded workflows", async () => {
  const res = await testApp().call("GET", "/api/workflows");
  assert.equal(res.status, 200);
  const data = JSON.parse(res.body) as { items: Array<{ id: string }> };
  assert.deepEqual(data.items.map((item) => item.id), ["wf_1001", "wf_1002", "wf_1003"]);
});

test("reads a fully configured workflow and it passes its schema", async () => {
  const res = await testApp().call("GET", "/api/workflows/wf_1001");
  assert.equal(res.status, 200);
  const data = JSON.parse(res.body) as { steps: Array<{ config: unknown }> };
  assert.equal(data.steps.length, 2);
  assert.deepEqual(data.steps[0]?.config, { source: "hubspot" });
});

test("unknown workflow is a 404", async () => {
  const res = await testApp().call("GET", "/api/workflows/wf_9999");
  assert.equal(res.status, 404);
});

test("creating a workflow captures workflow_created and defaults the timezone", async () => {
  const app = testApp();
  const res = await app.call("POST", "/api/workflows", { name: "Route inbound leads" });
  assert.equal(res.status, 201);
  const data = JSON.parse(res.body) as { id: string; timezone: string; status: string };
  assert.match(data.id, /^wf_\d+$/);
  assert.equal(data.timezone, "UTC");
  assert.equal(data.status, "draft");
  assert.deepEqual(eventNames(app), ["workflow_created"]);
});

test("a workflow needs a name", async () => {
  const res = await testApp().call("POST", "/api/workflows", { name: "  " });
  assert.equal(res.status, 400);
});

test("adding a configured step and publishing", async () => {
  const app = testApp();
  const added = await app.call("POST", "/api/workflows/wf_1001/steps", { type: "send_email", config: { template: "nudge" } });
  assert.equal(added.status, 201);
  const published = await app.call("POST", "/api/workflows/wf_1001/publish");
  assert.equal(JSON.parse(published.body).status, "published");
  const read = await app.call("GET", "/api/workflows/wf_1001");
  assert.equal(JSON.parse(read.body).steps.length, 3);
  assert.deepEqual(eventNames(app), ["workflow_published"]);
});
