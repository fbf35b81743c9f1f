// Upgrading a workspace: the API creates and confirms a Stripe PaymentIntent; the browser finishes it.

export async function upgradePlan({ api, stripe, track }, plan) {
  const intent = await api.post("/api/billing/upgrade", { plan: plan.id, seats: plan.seats });
  if (intent.status === "requires_payment_method") {
    const error = intent.last_payment_error ?? {};
    track("payment_failed", { plan: plan.id, error_code: error.code ?? "card_declined", decline_code: error.decline_code ?? null });
    return { ok: false, message: error.message ?? "Your card was declined." };
  }
  if (intent.status !== "succeeded") {
    track("payment_failed", { plan: plan.id, error_code: "authentication_required", payment_intent_status: intent.status });
    return { ok: false, message: "Your bank could not confirm this payment. Please try another card." };
  }
  track("subscription_upgraded", { plan: plan.id, seats: plan.seats });
  return { ok: true };
}

export function priceLabel(plan) {
  return `$${(plan.pricePerSeat * plan.seats).toFixed(0)}/month`;
}
