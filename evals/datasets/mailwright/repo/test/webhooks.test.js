import { test } from "node:test";
import assert from "node:assert/strict";
import { webhookForm, webhookUrlError } from "../src/webhooks/validate.js";

test("public https URLs are accepted", () => {
  assert.equal(webhookUrlError("https://hooks.acme.io/mailwright"), null);
});

test("http and private hosts are refused", () => {
  assert.equal(webhookUrlError("http://hooks.acme.io/x"), "Webhook URL must be an https:// URL");
  assert.equal(webhookUrlError("https://192.168.1.20/hook"), "Webhook URL must be reachable from the internet");
});

test("at least one known event type", () => {
  assert.deepEqual(webhookForm({ url: "https://a.io/h", events: [] }), { events: "Choose at least one event" });
});
