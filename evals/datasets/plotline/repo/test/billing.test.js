import { test } from "node:test";
import assert from "node:assert/strict";
import { upgradePlan } from "../src/billing/checkout.js";

function app(intent) {
  const tracked = [];
  return { tracked, api: { post: async () => intent }, stripe: {}, track: (event, props) => tracked.push([event, props]) };
}

test("a confirmed payment upgrades the workspace", async () => {
  const a = app({ status: "succeeded" });
  assert.deepEqual(await upgradePlan(a, { id: "team", seats: 5 }), { ok: true });
  assert.equal(a.tracked[0][0], "subscription_upgraded");
});

test("a declined card is reported with Stripe's codes", async () => {
  const a = app({ status: "requires_payment_method", last_payment_error: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." } });
  const result = await upgradePlan(a, { id: "team", seats: 5 });
  assert.equal(result.ok, false);
  assert.deepEqual(a.tracked[0], ["payment_failed", { plan: "team", error_code: "card_declined", decline_code: "insufficient_funds" }]);
});
