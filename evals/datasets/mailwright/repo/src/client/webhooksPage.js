// /webhooks/new: add an endpoint.
import { webhookForm } from "../webhooks/validate.js";

export async function submitWebhook(app, values) {
  const errors = webhookForm(values);
  if (Object.keys(errors).length) {
    for (const [field, message] of Object.entries(errors)) app.track("form_validation_failed", { form: "webhook", field, message });
    app.showErrors(errors);
    return null;
  }
  const result = await app.api.post("/v1/webhooks", values);
  if (result.ok) app.track("webhook_created", { events: values.events.length });
  return result;
}
