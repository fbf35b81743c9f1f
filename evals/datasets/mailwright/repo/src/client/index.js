// The dashboard's entry: page handlers by route, the API client and the error reporter.
import { apiClient } from "./api.js";
import { reportErrors } from "./errors.js";
import { publishTemplate, updatePreview } from "./templateEditor.js";
import { loadUsage } from "./usage.js";
import { submitWebhook } from "./webhooksPage.js";

export const pages = {
  "/templates/:id": { preview: updatePreview, publish: publishTemplate },
  "/usage": { load: loadUsage },
  "/webhooks/new": { submit: submitWebhook },
};

export function start(window) {
  const track = (event, properties) => window.amplitude?.track(event, properties);
  reportErrors(window, track);
  window.mailwright = { pages, api: apiClient(window.fetch.bind(window), track), track };
}

if (typeof window !== "undefined") start(window);
