// Plotline sessions that go well, and visitors of the marketing site who never start.
import type { Rng } from "../../../demo/simulator/prng.js";
import { button, control, link } from "../_kit/elements.js";
import type { Scenario, Scene } from "../_kit/scene.js";
import { score } from "../_kit/week.js";

export const idOf = (rng: Rng, prefix: string): string => `${prefix}_${rng.alnum(5)}${rng.int(1, 9)}`;

const METRICS = ["mrr", "signups", "active_users", "churned_accounts", "trial_conversions", "orders", "refunds"];

/** Opens the app on the dashboards list, then one dashboard. */
export function openDashboard(scene: Scene): string {
  const { s, rng } = scene;
  const id = idOf(rng, "db");
  s.pageview("/dashboards", { title: "Dashboards · Plotline" }).wait(3, 20);
  s.click(control(link(rng.pick(["Revenue overview", "Growth weekly", "Board metrics", "Product usage"]), `/dashboards/${id}`)));
  s.pageview(`/dashboards/${id}`, { title: "Dashboard · Plotline" }).wait(5, 40);
  return id;
}

/** Builds one chart from the metric picker and saves it. */
export function buildChart(scene: Scene): void {
  const { s, rng } = scene;
  s.pageview("/charts/new", { title: "New chart · Plotline" }).wait(4, 15);
  s.click(control(button("Metric", { "data-testid": "metric-picker" }))).wait(2, 8);
  s.click(control({ tag: "li", classes: ["option"], text: rng.pick(METRICS) }, { tag: "ul", classes: ["metric-menu"] })).wait(2, 10);
  s.click(control(button(rng.pick(["Line", "Bar", "Area"]), { "data-testid": "chart-type" }))).wait(5, 40);
  s.capture("chart_previewed", { points: rng.int(7, 90) }).wait(5, 60);
  s.click(control(button("Save chart", { "data-testid": "save-chart" }, ["btn", "btn-primary"])));
  s.capture("chart_saved", { chart_type: rng.pick(["line", "bar", "area"]), metrics: rng.int(1, 3) }).wait(2, 10);
}

export const builder: Scenario = (scene) => {
  const { s, rng } = scene;
  openDashboard(scene);
  scene.midNoise();
  buildChart(scene);
  if (rng.chance(0.4)) {
    s.click(control(button("Add to dashboard"))).wait(2, 6);
    s.capture("chart_added_to_dashboard").wait(3, 20);
  }
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "analytics", cause: null, tags: ["happy-path"] });
};

export const quickShare: Scenario = (scene) => {
  const { s, rng } = scene;
  const id = idOf(rng, "db");
  s.pageview(`/dashboards/${id}`, { title: "Dashboard · Plotline" }).wait(20, 50);
  s.click(control(button("Share", { "data-testid": "share-dashboard" }))).wait(8, 25);
  s.click(control(button("Copy link"), { tag: "div", classes: ["share-dialog"] }));
  s.capture("dashboard_shared", { via: "link" }).wait(10, 30);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "analytics", cause: null, tags: ["quick-success"] });
};

export const engaged: Scenario = (scene) => {
  const { s, rng } = scene;
  openDashboard(scene);
  for (let i = rng.int(3, 6); i > 0; i--) {
    buildChart(scene);
    s.wait(60, 420);
    if (i === 2) scene.midNoise();
  }
  s.pageview("/dashboards", { title: "Dashboards · Plotline" }).wait(5, 20);
  s.click(control(button("New dashboard"))).wait(20, 90);
  s.capture("dashboard_created", { charts: rng.int(3, 8) }).wait(120, 600);
  s.click(control(button("Share", { "data-testid": "share-dashboard" })));
  s.capture("dashboard_shared", { via: rng.pick(["email", "link"]) }).wait(30, 300);
  scene.leave();
  return scene.label({ outcome: "success", score: 10, department: "analytics", cause: null, tags: ["long-engaged"] });
};

export const viewer: Scenario = (scene) => {
  const { s, rng } = scene;
  openDashboard(scene);
  for (let i = rng.int(2, 5); i > 0; i--) {
    s.click(control(button(rng.pick(["Last 7 days", "Last 30 days", "This quarter", "Compare to previous period"]), { "data-testid": "range" }))).wait(10, 70);
  }
  scene.midNoise();
  s.wait(20, 120);
  scene.leave();
  return scene.label({ outcome: "success", score: 9, department: "analytics", cause: null, tags: ["viewer-no-success-event"] });
};

/** Leaves the dashboard open in a tab for hours; only its auto-refresh keeps sending events. */
export const idleTab: Scenario = (scene) => {
  const { s, rng } = scene;
  openDashboard(scene);
  s.click(control(button("Last 30 days", { "data-testid": "range" }))).wait(10, 60);
  scene.midNoise();
  for (let i = rng.int(12, 40); i > 0; i--) s.wait(598, 602).capture("dashboard_refreshed", { trigger: "interval", widgets: rng.int(4, 12) });
  scene.leave();
  return scene.label({ outcome: "success", score: 9, department: "analytics", cause: null, tags: ["idle-tab"] });
};

export const connectPostgres: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/sources", { title: "Sources · Plotline" }).wait(3, 12);
  s.click(control(link("Add source", "/sources/new")));
  s.pageview("/sources/new", { title: "Add a source · Plotline" }).wait(3, 10);
  s.click(control({ tag: "div", classes: ["source-tile"], text: "PostgreSQL" }));
  s.pageview("/sources/new/postgres", { title: "Connect PostgreSQL · Plotline" }).wait(30, 180);
  scene.midNoise();
  s.click(control(button("Connect", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "source-form" })).wait(2, 6);
  s.capture("source_connected", { kind: "postgres" });
  s.pageview(`/sources/${idOf(rng, "src")}`, { title: "Source · Plotline" }).wait(10, 60);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "data", cause: null, tags: ["happy-path"] });
};

export const scheduleReport: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/reports/schedules", { title: "Scheduled reports · Plotline" }).wait(3, 10);
  s.click(control(link("Schedule a report", "/reports/schedules/new")));
  s.pageview("/reports/schedules/new", { title: "Schedule a report · Plotline" }).wait(10, 40);
  s.click(control({ tag: "select", attributes: { name: "timeZone" } }, { tag: "form", id: "schedule-form" })).wait(3, 10);
  scene.midNoise();
  s.click(control(button("Save schedule", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "schedule-form" }));
  s.capture("report_scheduled", { every: rng.pick(["day", "week"]), channel: "email", time_zone: rng.pick(["Europe/Berlin", "America/New_York", "Europe/London", "America/Chicago"]) }).wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "reporting", cause: null, tags: ["happy-path"] });
};

export const upgrade: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/settings/billing", { title: "Billing · Plotline" }).wait(10, 60);
  s.click(control(button("Upgrade to Team", { "data-testid": "upgrade" }, ["btn", "btn-primary"]))).wait(15, 60);
  scene.midNoise();
  s.capture("subscription_upgraded", { plan: "team", seats: rng.int(3, 25) });
  s.pageview("/settings/billing?upgraded=1", { title: "Billing · Plotline" }).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "billing", cause: null, tags: ["happy-path"] });
};

/** A declined card, then another card that works: the user got past the error. */
export const declinedThenPaid: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/settings/billing", { title: "Billing · Plotline" }).wait(10, 40);
  s.click(control(button("Upgrade to Team", { "data-testid": "upgrade" }, ["btn", "btn-primary"]))).wait(5, 15);
  s.capture("payment_failed", { plan: "team", error_code: "card_declined", decline_code: rng.pick(["insufficient_funds", "expired_card", "do_not_honor"]) }).wait(30, 120);
  s.click(control(button("Use another card"))).wait(40, 120);
  s.click(control(button("Upgrade to Team", { "data-testid": "upgrade" }, ["btn", "btn-primary"]))).wait(5, 15);
  s.capture("subscription_upgraded", { plan: "team", seats: rng.int(2, 12) }).wait(5, 20);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 7, 8), department: "billing", cause: null, tags: ["success-after-error", "payment-declined-by-bank"] });
};

const HELP_FOUND: { query: string; article: string; then: (scene: Scene) => { department: string } }[] = [
  { query: "share dashboard with client", article: "share-a-dashboard", then: (scene) => (quickShareTail(scene), { department: "analytics" }) },
  { query: "postgres ssl certificate", article: "connect-postgres-over-tls", then: (scene) => (connectTail(scene), { department: "data" }) },
  { query: "compare to previous period", article: "period-comparisons", then: (scene) => (buildChart(scene), { department: "analytics" }) },
];

function quickShareTail(scene: Scene): void {
  scene.s.pageview(`/dashboards/${idOf(scene.rng, "db")}`, { title: "Dashboard · Plotline" }).wait(10, 30);
  scene.s.click(control(button("Share", { "data-testid": "share-dashboard" })));
  scene.s.capture("dashboard_shared", { via: "email" }).wait(5, 30);
}

function connectTail(scene: Scene): void {
  scene.s.pageview("/sources/new/postgres", { title: "Connect PostgreSQL · Plotline" }).wait(40, 200);
  scene.s.click(control(button("Connect", { type: "submit" }, ["btn", "btn-primary"]), { tag: "form", id: "source-form" }));
  scene.s.capture("source_connected", { kind: "postgres" }).wait(10, 40);
}

/** Searches the help center, finds the article, and then does what it explains. */
export const helpFound: Scenario = (scene) => {
  const { s, rng } = scene;
  const topic = rng.pick(HELP_FOUND);
  s.pageview("/help", { title: "Help center · Plotline" }).wait(3, 10);
  s.capture("help_searched", { query: topic.query, results_count: rng.int(2, 7) });
  s.pageview(`/help/search?q=${encodeURIComponent(topic.query)}`, { title: "Search · Plotline Help" }).wait(3, 12);
  s.click(control(link(topic.article.replaceAll("-", " "), `/help/articles/${topic.article}`)));
  s.pageview(`/help/articles/${topic.article}`, { title: "Help · Plotline" }).wait(40, 160);
  scene.midNoise();
  const { department } = topic.then(scene);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 8, 9), department, cause: null, tags: ["help-search-found"] });
};

export const bounce: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview(rng.pick(["/", "/", "/pricing"]), { title: "Plotline — dashboards for SaaS metrics" }).wait(2, 12);
  scene.leave();
  return scene.label({ outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["bounce"] });
};

/** From an ad for exactly what Plotline does; reads the home and pricing pages, then leaves. */
export const adVisitorLeft: Scenario = (scene) => {
  const { s } = scene;
  s.pageview("/", { title: "Plotline — dashboards for SaaS metrics" }).wait(15, 50);
  s.click(control(link("Pricing", "/pricing"), { tag: "nav", classes: ["site-nav"] }));
  s.pageview("/pricing", { title: "Pricing · Plotline" }).wait(20, 90);
  scene.leave();
  return scene.label({ outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["ad-visitor-left"] });
};

/** Came from an ad keyword for another "plotline" (fiction writing, a TV show) and left from the home page. */
export const wrongProduct: Scenario = (scene) => {
  const { s, rng } = scene;
  s.pageview("/", { title: "Plotline — dashboards for SaaS metrics" }).wait(4, 25);
  if (rng.chance(0.3)) s.click(control(link("Features", "/#features"), { tag: "nav", classes: ["site-nav"] })).wait(3, 10);
  scene.leave();
  return scene.label({ outcome: "wrong_product", score: 5, department: "growth", cause: null, tags: ["wrong-product"] });
};

export const WRONG_PRODUCT_TERMS = ["plotline novel outline app", "plot outline software for writers", "plotline story planner", "plotline screenwriting", "plotline tv series episodes"];
