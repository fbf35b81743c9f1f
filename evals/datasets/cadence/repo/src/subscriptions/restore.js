// Restoring Cadence Premium from the store's purchase history (App Store or Google Play).

const PLANS = { "com.cadence.premium.monthly": "monthly", "com.cadence.premium.annual": "annual" };

/** The plan of the latest unexpired purchase, or null. */
export function activeEntitlement(purchases, now) {
  const active = purchases.filter((p) => PLANS[p.productId] && Date.parse(p.expiresAt) > now.getTime());
  active.sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt));
  return active[0] ? { plan: PLANS[active[0].productId], expiresAt: active[0].expiresAt } : null;
}

export async function restorePurchases({ store, api, track, now }) {
  const purchases = await store.purchaseHistory();
  const entitlement = activeEntitlement(purchases, now());
  if (!entitlement) {
    track("subscription_restore_failed", { reason: "no_active_purchase", purchases: purchases.length, platform: store.platform });
    return { restored: false };
  }
  await api.post("/v1/subscriptions/restore", entitlement);
  track("subscription_restored", { plan: entitlement.plan, platform: store.platform });
  return { restored: true, plan: entitlement.plan };
}
