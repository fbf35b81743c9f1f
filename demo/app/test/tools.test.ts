import assert from "node:assert/strict";
import { test } from "node:test";
import { scaledClock } from "../src/tools/clock.js";
import { runTool, UnknownToolError } from "../src/tools/runner.js";
import { eventNames, testApp } from "./helpers.js";

test("classify_lead finishes within the deadline", async () => {
  const run = await runTool("classify_lead", { email: "ceo@initech.example" }, scaledClock(1000));
  assert.equal(run.tool, "classify_lead");
  assert.deepEqual(run.output, { segment: "warm" });
  assert.match(run.runId, /^tr_[0-9a-f]{12}$/);
});

test("running a tool from the API captures tool_run_succeeded", async () => {
  const app = testApp();
  const res = await app.call("POST", "/api/tools/summarize_thread/run", { thread: "Hi. Can we meet? Thanks. Bye." });
  assert.equal(res.status, 200);
  assert.deepEqual(eventNames(app), ["tool_run_succeeded"]);
});

test("an unknown tool is refused", async () => {
  await assert.rejects(runTool("make_coffee", {}, scaledClock(1000)), UnknownToolError);
});
