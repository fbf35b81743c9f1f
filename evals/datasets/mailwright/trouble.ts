// Mailwright sessions that hit a bug, or look for what Mailwright does not do.
import { bug, improvement } from "../_kit/truth.js";
import { score } from "../_kit/week.js";
import { templateCrash } from "./errors.js";
import { docsSearch, DOCS, editTemplate, idOf, type AScenario, type AScene } from "./sessions.js";

const API = "https://api.mailwright.dev";
const btn = (text: string, id?: string) => ({ tag: "button", text, ...(id ? { id } : {}), classes: ["btn"] });

function verifyFails(scene: AScene, domainId: string): void {
  const { s } = scene;
  s.click(btn("Verify DNS records", "verify-domain"));
  s.networkRequest(`${API}/v1/domains/${domainId}/verify`, "POST", 422);
  s.track("api_error", { status: 422, endpoint: "/v1/domains/:id/verify", code: "spf_missing" }).wait(3, 15);
}

/** A long SPF record comes back in 255-character strings; joining them with spaces can split our include. */
export const spfSplitRecord: AScenario = (scene) => {
  const { s, rng } = scene;
  const id = idOf(rng, "dom");
  s.pageView("/domains", "Domains · Mailwright").wait(3, 12);
  s.click({ tag: "a", text: rng.pick(["acme.io", "brightdesk.io", "quayside.app"]) });
  s.pageView(`/domains/${id}`, "Domain · Mailwright").wait(60, 300);
  verifyFails(scene, id);
  s.rageClick(btn("Verify DNS records", "verify-domain"));
  scene.midNoise();
  docsSearch(scene, rng.pick(["spf record not found", "spf_missing", "verify domain spf", "spf include already added"]), 2);
  s.pageView(DOCS + "/docs/domains/spf", "SPF · Mailwright Docs").wait(40, 150);
  s.pageView(`/domains/${id}`, "Domain · Mailwright").wait(10, 60);
  verifyFails(scene, id);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 1, 3), department: "deliverability", cause: bug("spf-chunks-joined-with-spaces"), tags: ["blocked-by-bug", "failure-event-without-stack"] });
};

/** Endpoints with a port (https://hooks.acme.io:8443/...) are refused as not https. */
export const webhookPortRefused: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/webhooks/new", "New webhook · Mailwright").wait(20, 90);
  for (let attempt = rng.int(2, 3); attempt > 0; attempt--) {
    s.click(btn("Save endpoint", "save-webhook"));
    s.track("form_validation_failed", { form: "webhook", field: "url", message: "Webhook URL must be an https:// URL" }).wait(10, 45);
  }
  scene.midNoise();
  if (rng.chance(0.5)) docsSearch(scene, rng.pick(["webhook port", "webhook url must be https", "custom port webhook"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 2, 3), department: "api", cause: bug("webhook-url-port-refused"), tags: ["blocked-by-bug", "failure-event-without-stack"] });
};

/** Single-quoted defaults ({{ name | default: 'there' }}) crash the preview on every keystroke. */
export const templatePreviewCrash: AScenario = (scene) => {
  const { s, rng } = scene;
  editTemplate(scene);
  for (let i = rng.int(2, 5); i > 0; i--) s.track("Frontend Error", templateCrash(rng)).wait(1, 8);
  s.rageClick(btn("Preview", "preview"));
  scene.midNoise();
  s.wait(20, 90);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 2, 3), department: "templates", cause: bug("template-single-quoted-default"), tags: ["blocked-by-bug"] });
};

/** The same crash; the user switches to double quotes and publishes. */
export const templateCrashRecovered: AScenario = (scene) => {
  const { s, rng } = scene;
  const id = editTemplate(scene);
  s.track("Frontend Error", templateCrash(rng)).wait(20, 90);
  s.click(btn("Publish", "publish-template"));
  s.track("template_published", { id, variables: 2 }).wait(5, 20);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 7, 8), department: "templates", cause: bug("template-single-quoted-default"), tags: ["success-after-error"] });
};

/** Accounts in Etc/GMT+N zones: the usage request sends tz unencoded, '+' arrives as a space, the API returns 500. */
export const usageTimeZone: AScenario = (scene) => {
  const { s, rng } = scene;
  for (let attempt = rng.int(1, 2); attempt > 0; attempt--) {
    s.pageView("/usage", "Usage · Mailwright").wait(1, 3);
    s.networkRequest(`${API}/v1/stats?range=30d&tz=Etc/GMT+${rng.int(3, 8)}`, "GET", 500);
    s.track("api_error", { status: 500, endpoint: "/v1/stats", code: "internal_error" }).wait(10, 40);
  }
  scene.midNoise();
  scene.leave();
  return scene.label({ outcome: "failure", score: 3, department: "api", cause: bug("usage-tz-unencoded"), tags: ["blocked-by-bug", "failure-event-without-stack"] });
};

export const wantsInbound: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/webhooks/new", "New webhook · Mailwright").wait(10, 40);
  s.deadClick({ tag: "label", text: "inbound.received · coming soon", classes: ["event-type", "disabled"] });
  scene.midNoise();
  docsSearch(scene, rng.pick(["inbound email", "receive emails", "parse incoming email", "inbound webhook", "reply to address parsing"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 3, 4), department: "api", cause: improvement("inbound-email"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsTerraform: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView("/api-keys", "API keys · Mailwright").wait(5, 20);
  docsSearch(scene, rng.pick(["terraform", "terraform provider", "manage api keys as code"]), 0);
  s.pageView("/api-keys", "API keys · Mailwright").wait(5, 20);
  s.click(btn("Create API key", "create-key"));
  scene.midNoise();
  s.track("api_key_created", { scope: "full_access" }).wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "partial", score: 6, department: "api", cause: improvement("terraform-provider"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsSms: AScenario = (scene) => {
  const { s, rng } = scene;
  s.pageView(DOCS + "/docs", "Docs · Mailwright").wait(10, 30);
  docsSearch(scene, rng.pick(["send sms", "sms api"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: 4, department: "docs", cause: improvement("sms-channel"), tags: ["help-search-not-found", "missing-feature"] });
};
