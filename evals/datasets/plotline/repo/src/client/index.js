// The web client's entry: routes of the single-page app to their page handlers.
import { apiClient } from "./api.js";
import { renderPreview, saveChart } from "./chartBuilder.js";
import { submitBigQueryForm, submitPostgresForm } from "./forms.js";
import { previewNextDelivery, saveSchedule } from "./scheduleForm.js";
import { onUpgradeClick } from "./upgrade.js";

export const pages = {
  "/charts/new": { preview: renderPreview, save: saveChart },
  "/sources/new/bigquery": { submit: submitBigQueryForm },
  "/sources/new/postgres": { submit: submitPostgresForm },
  "/reports/schedules/new": { preview: previewNextDelivery, save: saveSchedule },
  "/settings/billing": { upgrade: onUpgradeClick },
};

export function start(window) {
  const track = (event, properties) => window.posthog?.capture(event, properties);
  const api = apiClient(window.fetch.bind(window), track);
  window.plotline = { pages, api, track };
}

if (typeof window !== "undefined") start(window);
