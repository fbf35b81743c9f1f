// Mailwright dashboard sessions that go well, and visitors of the marketing site who never start.
import type { Rng } from "../../../demo/simulator/prng.js";
import type { AmplitudeSession } from "../_kit/amplitude.js";
import type { Scenario, Scene } from "../_kit/scene.js";
import { score } from "../_kit/week.js";

export type AScene = Scene<AmplitudeSession>;
export type AScenario = Scenario<AmplitudeSession>;

/** The docs live on the marketing site. */
export const DOCS = "https://mailwright.dev";

export const idOf = (rng: Rng, prefix: string): string => `${prefix}_${rng.alnum(7)}${rng.int(1, 9)}`;
const btn = (text: string, id?: string) => ({ tag: "button", text, ...(id ? { id } : {}), classes: ["btn"] });

export function docsSearch(scene: AScene, query: string, results: number): void {
  const { s } = scene;
  s.track("docs_searched", { query, results });
  s.pageView(`${DOCS}/docs/search?q=${encodeURIComponent(query)}`, "Search · Mailwright Docs").wait(5, 25);
}

export const createKey: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/dashboard", "Dashboard · Mailwright").wait(3, 15);
  s.click({ tag: "a", text: "API keys" });
  s.pageView("/api-keys", "API keys · Mailwright").wait(3, 10);
  s.click(btn("Create API key", "create-key")).wait(10, 40);
  scene.midNoise();
  s.track("api_key_created", { scope: rng.pick(["send", "full_access", "read_only"]) });
  s.click(btn("Copy", "copy-key")).wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "api", cause: null, tags: ["happy-path"] });
};

export const quickTestEmail: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/dashboard", "Dashboard · Mailwright").wait(20, 50);
  s.click(btn("Send test email", "send-test")).wait(10, 30);
  s.track("test_email_sent", { template: null }).wait(30, 60);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "platform", cause: null, tags: ["quick-success"] });
};

export const verifyDomain: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/domains", "Domains · Mailwright").wait(3, 12);
  s.click({ tag: "a", text: rng.pick(["acme.io", "mail.brightdesk.io", "notify.quayside.app"]) });
  s.pageView(`/domains/${idOf(rng, "dom")}`, "Domain · Mailwright").wait(60, 400);
  scene.midNoise();
  s.click(btn("Verify DNS records", "verify-domain")).wait(2, 5);
  s.track("domain_verified", { spf: true, dkim: true }).wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "deliverability", cause: null, tags: ["happy-path"] });
};

export function editTemplate(scene: AScene): string {
  const { s, rng } = scene;
  const id = idOf(rng, "tpl");
  s.pageView("/templates", "Templates · Mailwright").wait(3, 12);
  s.click({ tag: "a", text: rng.pick(["Password reset", "Welcome", "Receipt", "Magic link"]) });
  s.pageView(`/templates/${id}`, "Edit template · Mailwright").wait(30, 200);
  return id;
}

export const publishTemplate: AScenario = (scene) => {
  const { s, rng } = scene;
  const id = editTemplate(scene);
  scene.midNoise();
  s.click(btn("Publish", "publish-template")).wait(1, 3);
  s.track("template_published", { id, variables: rng.int(1, 6) }).wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "templates", cause: null, tags: ["happy-path"] });
};

export const createWebhook: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/webhooks", "Webhooks · Mailwright").wait(3, 10);
  s.click(btn("Add endpoint", "add-webhook"));
  s.pageView("/webhooks/new", "New webhook · Mailwright").wait(20, 90);
  scene.midNoise();
  s.click(btn("Save endpoint", "save-webhook")).wait(1, 3);
  s.track("webhook_created", { events: rng.int(1, 5) }).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "api", cause: null, tags: ["happy-path"] });
};

/** Looks up what happened to a message in the logs, and finds it. */
export const logsLookup: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/logs", "Logs · Mailwright").wait(3, 10);
  s.track("log_searched", { query: `to:${rng.pick(["ann", "bo", "chen", "dara"])}@${rng.pick(["gmail.com", "acme.io"])}`, results: rng.int(1, 12) });
  s.click({ tag: "tr", text: rng.pick(["delivered", "bounced · mailbox full", "deferred"]), classes: ["log-row"] });
  s.pageView(`/logs/${idOf(rng, "msg")}`, "Message · Mailwright").wait(20, 90);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: 9, department: "api", cause: null, tags: ["viewer-no-success-event", "search-found"] });
};

export const upgrade: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/billing", "Billing · Mailwright").wait(10, 60);
  s.click(btn("Upgrade to Pro", "upgrade")).wait(20, 60);
  scene.midNoise();
  s.track("plan_upgraded", { plan: "pro", monthly_emails: 100_000 }).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "billing", cause: null, tags: ["happy-path"] });
};

export const docsReader: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView(DOCS + rng.pick(["/docs/api/send", "/docs/quickstart/node", "/docs/api/batch"]), "Docs · Mailwright").wait(120, 420);
  s.click({ tag: "a", text: "Webhooks" });
  s.pageView(DOCS + "/docs/webhooks", "Webhooks · Mailwright Docs").wait(60, 200);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: 9, department: "docs", cause: null, tags: ["content-read"] });
};

export const engaged: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/api-keys", "API keys · Mailwright").wait(5, 20);
  s.click(btn("Create API key", "create-key")).wait(10, 30);
  s.track("api_key_created", { scope: "send" }).wait(120, 600);
  editTemplate(scene);
  s.click(btn("Publish", "publish-template"));
  s.track("template_published", { id: idOf(rng, "tpl"), variables: 3 }).wait(300, 900);
  scene.midNoise();
  s.pageView("/webhooks/new", "New webhook · Mailwright").wait(30, 120);
  s.click(btn("Save endpoint", "save-webhook"));
  s.track("webhook_created", { events: 3 }).wait(200, 900);
  s.pageView("/logs", "Logs · Mailwright").wait(120, 600);
  scene.leave();
  return scene.label({ outcome: "success", score: 10, department: "api", cause: null, tags: ["long-engaged"] });
};

/** Leaves the live log tail open for hours: only its polling sends events. */
export const idleTail: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/logs", "Logs · Mailwright").wait(5, 20);
  s.click(btn("Live tail", "live-tail")).wait(10, 40);
  scene.midNoise();
  for (let i = rng.int(12, 30); i > 0; i--) s.wait(595, 605).track("logs_polled", { new_events: rng.int(0, 40) });
  scene.leave();
  return scene.label({ outcome: "success", score: 9, department: "api", cause: null, tags: ["idle-tab"] });
};

export const helpFound: AScenario = (scene) => {
  const { s, rng } = scene;
  docsSearch(scene, rng.pick(["webhook signature verification", "verify webhook signature node", "webhook secret"]), rng.int(2, 6));
  s.click({ tag: "a", text: "Verifying webhook signatures" });
  s.pageView(DOCS + "/docs/webhooks/signatures", "Webhook signatures · Mailwright Docs").wait(60, 240);
  s.pageView("/webhooks/new", "New webhook · Mailwright").wait(20, 60);
  scene.midNoise();
  s.click(btn("Save endpoint", "save-webhook"));
  s.track("webhook_created", { events: 2 }).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 8, 9), department: "api", cause: null, tags: ["help-search-found"] });
};

export const bounce: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView(rng.pick(["/", "/", "/pricing"]), "Mailwright — transactional email for developers").wait(2, 12);
  scene.leave();
  return scene.label({ outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["bounce"] });
};

export const adVisitorLeft: AScenario = (scene) => {
  const { s } = scene;
  s.pageView("/", "Mailwright — transactional email for developers").wait(20, 60);
  s.click({ tag: "a", text: "Pricing" });
  s.pageView("/pricing", "Pricing · Mailwright").wait(20, 80);
  scene.leave();
  return scene.label({ outcome: "bounce", score: 5, department: "growth", cause: null, tags: ["ad-visitor-left"] });
};

export const wrongProduct: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/", "Mailwright — transactional email for developers").wait(5, 25);
  if (rng.chance(0.4)) s.pageView("/pricing", "Pricing · Mailwright").wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "wrong_product", score: 5, department: "growth", cause: null, tags: ["wrong-product"] });
};
