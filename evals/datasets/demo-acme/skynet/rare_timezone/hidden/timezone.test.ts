import assert from "node:assert/strict";
import { test } from "node:test";
import { formatRunTime } from "../src/format/dates.js";
import { testApp } from "../test/helpers.js";

test("the runs page of a workflow without a timezone shows its run times", async () => {
  const res = await testApp().call("GET", "/app/workflows/wf_1003/runs");
  assert.equal(res.status, 200, res.body);
  assert.match(res.body, /2025-03-03 07:00/);
});

test("a run time without a zone is read as UTC", () => {
  assert.match(formatRunTime("2025-03-03T07:00:00.000Z", ""), /^2025-03-03 07:00/);
  assert.equal(formatRunTime("2025-03-04T10:15:00.000Z", "Europe/Paris"), "2025-03-04 11:15 Europe/Paris");
});
