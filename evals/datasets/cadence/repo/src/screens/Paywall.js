// The Paywall modal: subscribe, or restore a purchase made on another device.
import { restorePurchases } from "../subscriptions/restore.js";

export async function onRestorePress(app) {
  const result = await restorePurchases(app);
  if (result.restored) app.dismiss();
  else app.alert("We couldn't find a Cadence Premium purchase for this account.");
  return result;
}
