import { test } from "node:test";
import assert from "node:assert/strict";
import { upgradePlan } from "../src/billing/checkout.js";

function app(nextAction) {
  const calls = [];
  const tracked = [];
  return {
    calls,
    tracked,
    api: { post: async () => ({ status: "requires_action", client_secret: "pi_3Q_secret_9x" }) },
    stripe: { handleNextAction: async (opts) => (calls.push(opts), nextAction) },
    track: (event, props) => tracked.push([event, props]),
  };
}

test("a payment that needs the bank's confirmation runs the challenge and upgrades", async () => {
  const a = app({ paymentIntent: { status: "succeeded" } });
  assert.deepEqual(await upgradePlan(a, { id: "team", seats: 3 }), { ok: true });
  assert.deepEqual(a.calls, [{ clientSecret: "pi_3Q_secret_9x" }]);
  assert.deepEqual(a.tracked.map(([event]) => event), ["subscription_upgraded"]);
});

test("a challenge the user fails is a failed payment", async () => {
  const a = app({ error: { code: "payment_intent_authentication_failure", message: "We are unable to authenticate your payment method." } });
  const result = await upgradePlan(a, { id: "team", seats: 3 });
  assert.equal(result.ok, false);
  assert.equal(a.tracked[0][0], "payment_failed");
  assert.equal(a.tracked[0][1].error_code, "payment_intent_authentication_failure");
});
