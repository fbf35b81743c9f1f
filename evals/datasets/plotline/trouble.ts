// Plotline sessions that hit a bug or look for something Plotline does not do.
import { button, control, link } from "../_kit/elements.js";
import type { Scenario, Scene } from "../_kit/scene.js";
import { bug, improvement } from "../_kit/truth.js";
import { score } from "../_kit/week.js";
import { idOf, openDashboard } from "./happy.js";
import { browserException, serverCsvException } from "./stacks.js";

const browserOf = (scene: Scene): string => String(scene.s.visitor.context["$browser"] ?? "Chrome");

function searchHelp(scene: Scene, query: string, results: number): void {
  const { s } = scene;
  s.pageview("/help", { title: "Help center · Plotline" }).wait(3, 10);
  s.capture("help_searched", { query, results_count: results });
  s.pageview(`/help/search?q=${encodeURIComponent(query)}`, { title: "Search · Plotline Help" }).wait(4, 20);
}

/** Workload-identity credentials have no project_id: connecting the BigQuery source throws every time. */
export const bigqueryExternalAccount: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/sources/new", { title: "Add a source · Plotline" }).wait(3, 10);
  s.click(control({ tag: "div", classes: ["source-tile"], text: "BigQuery" }));
  s.pageview("/sources/new/bigquery", { title: "Connect BigQuery · Plotline" }).wait(20, 90);
  s.click(control(button("Upload credentials file", { "data-testid": "key-upload" }), { tag: "form", id: "source-form" })).wait(5, 25);
  scene.midNoise();
  for (let attempt = rng.int(1, 3); attempt > 0; attempt--) {
    s.click(control(button("Connect", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "source-form" }));
    s.exception(browserException(rng, "bigquery-external-account", browserOf(scene))).wait(4, 30);
    if (rng.chance(0.5)) s.rageclick(control(button("Connect", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "source-form" }));
    s.wait(5, 40);
  }
  if (rng.chance(0.35)) searchHelp(scene, rng.pick(["bigquery workload identity", "bigquery external_account", "bigquery connect error"]), rng.int(0, 1));
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 1, 3), department: "data", cause: bug("bigquery-external-account"), tags: ["blocked-by-bug"] });
};

/** 3-D Secure cards come back requires_action; the client calls it a failure instead of showing the challenge. */
export const checkoutThreeDSecure: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/settings/billing", { title: "Billing · Plotline" }).wait(10, 60);
  scene.midNoise();
  for (let attempt = rng.int(1, 3); attempt > 0; attempt--) {
    s.click(control(button("Upgrade to Team", { "data-testid": "upgrade" }, ["btn", "btn-primary"]))).wait(3, 8);
    s.capture("payment_failed", { plan: "team", error_code: "authentication_required", payment_intent_status: "requires_action" }).wait(20, 90);
    if (attempt > 1) s.click(control(button("Use another card"))).wait(30, 100);
  }
  if (rng.chance(0.3)) searchHelp(scene, rng.pick(["payment failed bank confirm", "card authentication", "3d secure"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 1, 3), department: "billing", cause: bug("checkout-3ds-requires-action"), tags: ["blocked-by-bug", "failure-event-without-stack"] });
};

function chartZeroStart(scene: Scene): void {
  const { s, rng } = scene;
  s.pageview("/charts/new", { title: "New chart · Plotline" }).wait(4, 15);
  s.click(control(button("Metric", { "data-testid": "metric-picker" }))).wait(2, 8);
  s.click(control({ tag: "li", classes: ["option"], text: rng.pick(["refunds", "churned_accounts", "failed_payments"]) }, { tag: "ul", classes: ["metric-menu"] }));
  s.exception(browserException(rng, "chart-flat-zero-series", browserOf(scene))).wait(3, 15);
}

/** A metric with no data in the range (all zeros) crashes the preview. */
export const chartFlatZero: Scenario = (scene) => {
  const { s, rng } = scene;
  chartZeroStart(scene);
  scene.midNoise();
  if (rng.chance(0.6)) s.rageclick(control(button("Preview", { "data-testid": "preview" })));
  else s.deadClick(control(button("Save chart", { "data-testid": "save-chart" }, ["btn", "btn-primary"])));
  s.wait(10, 60);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 2, 4), department: "analytics", cause: bug("chart-flat-zero-series"), tags: ["blocked-by-bug"] });
};

/** The same crash, but the user picks another range with data and saves the chart. */
export const chartFlatZeroRecovered: Scenario = (scene) => {
  const { s, rng } = scene;
  chartZeroStart(scene);
  s.click(control(button("Last 90 days", { "data-testid": "range" }))).wait(5, 20);
  s.capture("chart_previewed", { points: rng.int(20, 90) }).wait(10, 40);
  s.click(control(button("Save chart", { "data-testid": "save-chart" }, ["btn", "btn-primary"])));
  s.capture("chart_saved", { chart_type: "line", metrics: 1 }).wait(5, 30);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 7, 8), department: "analytics", cause: bug("chart-flat-zero-series"), tags: ["success-after-error"] });
};

const HALF_HOUR_ZONES = ["Asia/Kolkata (GMT+05:30)", "Asia/Kathmandu (GMT+05:45)", "America/St_Johns (GMT-03:30)", "Australia/Adelaide (GMT+10:30)", "Asia/Tehran (GMT+03:30)"];

/** Picking a half-hour time zone breaks the delivery preview, so the schedule cannot be saved. */
export const scheduleHalfHourZone: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/reports/schedules/new", { title: "Schedule a report · Plotline" }).wait(10, 40);
  s.click(control({ tag: "option", text: rng.pick(HALF_HOUR_ZONES) }, { tag: "select", attributes: { name: "timeZone" } }));
  s.exception(browserException(rng, "schedule-half-hour-zone", browserOf(scene))).wait(3, 10);
  s.rageclick(control(button("Save schedule", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "schedule-form" }));
  scene.midNoise();
  const workaround = rng.chance(0.35);
  if (workaround) {
    s.wait(20, 60).click(control({ tag: "option", text: "UTC (GMT+00:00)" }, { tag: "select", attributes: { name: "timeZone" } })).wait(3, 10);
    s.click(control(button("Save schedule", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "schedule-form" }));
    s.capture("report_scheduled", { every: "week", channel: "email", time_zone: "UTC" }).wait(5, 20);
  }
  scene.leave();
  return workaround
    ? scene.label({ outcome: "partial", score: score(rng, 5, 6), department: "reporting", cause: bug("schedule-half-hour-zone"), tags: ["workaround"] })
    : scene.label({ outcome: "failure", score: score(rng, 1, 3), department: "reporting", cause: bug("schedule-half-hour-zone"), tags: ["blocked-by-bug"] });
};

/** Exporting a widget whose query returns no rows: the API crashes (posthog-node reports it, session-less). */
export const csvExportEmpty: Scenario = (scene) => {
  const { s, rng } = scene;
  const id = openDashboard(scene);
  s.click(control(button("Export CSV", { "data-testid": "export-csv" }), { tag: "div", classes: ["widget-menu"] })).wait(1, 3);
  s.serverEvent("$exception", { ...serverCsvException(), route: "GET /api/widgets/:id/export.csv" }, -400);
  s.capture("api_error", { status: 500, endpoint: "/api/widgets/:id/export.csv", method: "GET", widget_id: idOf(rng, "w") }).wait(10, 30);
  s.click(control(button("Export CSV", { "data-testid": "export-csv" }), { tag: "div", classes: ["widget-menu"] })).wait(1, 3);
  s.capture("api_error", { status: 500, endpoint: "/api/widgets/:id/export.csv", method: "GET" }).wait(20, 120);
  scene.midNoise();
  s.click(control(button("Last 30 days", { "data-testid": "range" }))).wait(20, 90);
  s.pageview(`/dashboards/${id}`, { title: "Dashboard · Plotline" }).wait(10, 60);
  scene.leave();
  return scene.label({ outcome: "partial", score: score(rng, 4, 5), department: "analytics", cause: bug("csv-export-empty-result"), tags: ["server-side-error"] });
};

export const wantsSlack: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/reports/schedules/new", { title: "Schedule a report · Plotline" }).wait(10, 40);
  s.click(control({ tag: "select", attributes: { name: "channel" } }, { tag: "form", id: "schedule-form" })).wait(2, 6);
  s.deadClick(control({ tag: "option", text: "Slack (coming soon)", attributes: { disabled: "" } }, { tag: "select", attributes: { name: "channel" } }));
  scene.midNoise();
  searchHelp(scene, rng.pick(["slack", "send report to slack", "slack integration", "post dashboard in slack channel", "slack alerts"]), 0);
  const settles = rng.chance(0.4);
  if (settles) {
    s.pageview("/reports/schedules/new", { title: "Schedule a report · Plotline" }).wait(20, 60);
    s.click(control(button("Save schedule", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "schedule-form" }));
    s.capture("report_scheduled", { every: "week", channel: "email", time_zone: "Europe/Berlin" }).wait(5, 20);
  }
  scene.leave();
  return settles
    ? scene.label({ outcome: "partial", score: 6, department: "reporting", cause: improvement("slack-delivery"), tags: ["help-search-not-found", "missing-feature"] })
    : scene.label({ outcome: "failure", score: score(rng, 3, 4), department: "reporting", cause: improvement("slack-delivery"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsFolders: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/dashboards", { title: "Dashboards · Plotline" }).wait(10, 40);
  s.deadClick(control({ tag: "span", classes: ["dashboard-count"], text: `${rng.int(40, 120)} dashboards` }));
  searchHelp(scene, rng.pick(["folders", "organize dashboards", "group dashboards into folders", "dashboard folders"]), 0);
  scene.midNoise();
  s.pageview("/dashboards", { title: "Dashboards · Plotline" }).wait(20, 90);
  s.click(control(link("Board metrics", `/dashboards/${idOf(rng, "db")}`)));
  s.pageview(`/dashboards/${idOf(rng, "db")}`, { title: "Dashboard · Plotline" }).wait(30, 120);
  scene.leave();
  return scene.label({ outcome: "partial", score: score(rng, 5, 6), department: "analytics", cause: improvement("dashboard-folders"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsSheets: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/sources/new", { title: "Add a source · Plotline" }).wait(5, 20);
  s.deadClick(control({ tag: "div", classes: ["source-tile", "disabled"], text: "Google Sheets · Coming soon" }));
  scene.midNoise();
  searchHelp(scene, rng.pick(["google sheets", "connect spreadsheet", "import excel file"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 3, 4), department: "data", cause: improvement("sheets-source"), tags: ["help-search-not-found", "missing-feature"] });
};
