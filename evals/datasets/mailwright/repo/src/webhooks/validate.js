// Webhook endpoints: where Mailwright POSTs delivery events. Only public https URLs are accepted.

const HTTPS_URL = /^https:\/\/[a-z0-9.-]+(\/\S*)?$/i;
const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

export const EVENT_TYPES = ["delivered", "bounced", "complained", "opened", "clicked"];

/** The message shown under the URL field, or null when the URL is fine. */
export function webhookUrlError(url) {
  const text = url.trim();
  if (!HTTPS_URL.test(text)) return "Webhook URL must be an https:// URL";
  if (PRIVATE_HOST.test(new URL(text).hostname)) return "Webhook URL must be reachable from the internet";
  return null;
}

export function webhookForm(values) {
  const errors = {};
  const urlError = webhookUrlError(values.url ?? "");
  if (urlError) errors.url = urlError;
  if (!values.events?.length) errors.events = "Choose at least one event";
  else if (values.events.some((e) => !EVENT_TYPES.includes(e))) errors.events = "Unknown event type";
  return errors;
}
