import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { formatRunTime } from "../src/format/dates.js";
import { searchArticles } from "../src/help/articles.js";
import { createAppServer } from "../src/server.js";
import { testApp } from "./helpers.js";

test("run times are shown in the workflow's timezone", () => {
  assert.equal(formatRunTime("2025-03-04T10:15:00.000Z", "Europe/Paris"), "2025-03-04 11:15 Europe/Paris");
  assert.equal(formatRunTime("2025-03-04T10:15:00.000Z", "UTC-5.5"), "2025-03-04 04:45 UTC-5.5");
});

test("the runs page lists runs", async () => {
  const res = await testApp().call("GET", "/app/workflows/wf_1001/runs");
  assert.equal(res.status, 200);
  assert.match(res.body, /run_5001/);
});

test("help search needs every word to match", () => {
  assert.deepEqual(searchArticles("connect hubspot").map((a) => a.slug), ["connect-hubspot"]);
  assert.deepEqual(searchArticles("import contacts csv").map((a) => a.slug), ["import-contacts"]);
  assert.deepEqual(searchArticles(""), []);
});

test("publishing from the settings page redirects back to it", async () => {
  const res = await testApp().call("POST", "/app/workflows/wf_1002/publish");
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, "/app/workflows/wf_1002/settings");
});

test("the HTTP server serves pages and JSON", async () => {
  const server = createAppServer(testApp().deps).listen(0);
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const editor = await fetch(`${base}/app/workflows/wf_1001/edit`);
    assert.equal(editor.status, 200);
    assert.match(await editor.text(), /Welcome new leads/);
    const created = await fetch(`${base}/api/workflows`, { method: "POST", body: JSON.stringify({ name: "Via HTTP" }) });
    assert.equal(created.status, 201);
  } finally {
    server.close();
  }
});
