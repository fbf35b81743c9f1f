import assert from "node:assert/strict";
import { test } from "node:test";
import { testApp } from "../test/helpers.js";

test("a workflow with an unconfigured step is served, every step's config an object", async () => {
  const res = await testApp().call("GET", "/api/workflows/wf_1002");
  assert.equal(res.status, 200, res.body);
  const body = JSON.parse(res.body) as { steps: { id: string; config: unknown }[] };
  for (const step of body.steps) {
    assert.equal(typeof step.config, "object", `step ${step.id}`);
    assert.notEqual(step.config, null, `step ${step.id} has config null`);
  }
});

test("the editor of that workflow opens", async () => {
  const res = await testApp().call("GET", "/app/workflows/wf_1002/edit");
  assert.equal(res.status, 200);
});
