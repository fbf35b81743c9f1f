// Settings > Billing: the upgrade button.
import { upgradePlan } from "../billing/checkout.js";

export async function onUpgradeClick(app, plan) {
  app.setBusy(true);
  try {
    const result = await upgradePlan(app, plan);
    if (result.ok) app.navigate("/settings/billing?upgraded=1");
    else app.showBanner(result.message);
  } finally {
    app.setBusy(false);
  }
}
