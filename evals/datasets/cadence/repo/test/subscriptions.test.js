import { test } from "node:test";
import assert from "node:assert/strict";
import { activeEntitlement, restorePurchases } from "../src/subscriptions/restore.js";

const now = new Date("2026-11-18T10:00:00Z");

test("the latest unexpired App Store purchase is the entitlement", () => {
  const purchases = [
    { productId: "com.cadence.premium.monthly", expiresAt: "2026-10-01T00:00:00Z" },
    { productId: "com.cadence.premium.annual", expiresAt: "2027-03-01T00:00:00Z" },
  ];
  assert.deepEqual(activeEntitlement(purchases, now), { plan: "annual", expiresAt: "2027-03-01T00:00:00Z" });
});

test("a restore with nothing active says so", async () => {
  const tracked = [];
  const result = await restorePurchases({ store: { platform: "ios", purchaseHistory: async () => [] }, api: {}, track: (e, p) => tracked.push([e, p]), now: () => now });
  assert.deepEqual(result, { restored: false });
  assert.equal(tracked[0][0], "subscription_restore_failed");
});
