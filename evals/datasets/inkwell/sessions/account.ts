// Account, billing and team sessions, and the ones that end in an idle tab.
import { APP, ui, visitor, type HandSession } from "../hand.js";
import { prepareAndSend } from "./sending.js";

const owner = (id: string, language?: string) => visitor(id, "chrome-mac", { email: `${id}@fieldkit.dev`, ...(language ? { language } : {}) });

export const ACCOUNT: HandSession[] = [
  {
    name: "card-declined-never-retried",
    start: "2026-11-23T16:50:00Z",
    visitor: owner("u_reyes"),
    origin: APP,
    script: (s) => {
      s.pageview("/settings/billing", { title: "Billing · Inkwell" }).wait(30);
      s.click(ui.button("Upgrade to Team", "upgrade")).wait(6);
      s.capture("payment_failed", { plan: "team", error_code: "card_declined", decline_code: "insufficient_funds" }).wait(25);
      s.pageleave();
    },
    label: { outcome: "failure", score: 5, department: "billing", cause: null, tags: ["payment-declined-by-bank"] },
  },
  {
    name: "upgrade-to-team",
    start: "2026-11-24T14:00:00Z",
    visitor: owner("u_ivanova"),
    origin: APP,
    script: (s) => {
      s.pageview("/settings/billing", { title: "Billing · Inkwell" }).wait(40);
      s.click(ui.button("Upgrade to Team", "upgrade")).wait(12);
      s.capture("subscription_upgraded", { plan: "team", seats: 4 }).wait(8);
      s.pageleave();
    },
    label: { outcome: "success", score: 10, department: "billing", cause: null, tags: ["happy-path"] },
  },
  {
    name: "cancels-too-expensive",
    start: "2026-11-25T08:20:00Z",
    visitor: owner("u_mensah"),
    origin: APP,
    script: (s) => {
      s.pageview("/settings/billing", { title: "Billing · Inkwell" }).wait(15);
      s.click(ui.button("Cancel subscription", "cancel")).wait(10);
      s.click(ui.button("Too expensive for how often we use it", "reason-price")).wait(20);
      s.capture("subscription_cancelled", { reason: "too_expensive", months_active: 7 }).wait(5);
      s.pageleave();
    },
    label: { outcome: "success", score: 5, department: "billing", cause: null, tags: ["churn"] },
  },
  {
    name: "invite-teammate",
    start: "2026-11-26T10:30:00Z",
    visitor: owner("u_ferreira"),
    origin: APP,
    script: (s) => {
      s.pageview("/settings/team", { title: "Team · Inkwell" }).wait(12);
      s.click(ui.button("Invite teammate", "invite")).wait(25);
      s.capture("teammate_invited", { role: "member" }).wait(6);
      s.pageleave();
    },
    label: { outcome: "success", score: 10, department: "platform", cause: null, tags: ["quick-success"] },
  },
  {
    name: "german-help-search-found",
    start: "2026-11-27T07:45:00Z",
    visitor: owner("u_schmidt", "de-DE"),
    origin: APP,
    script: (s) => {
      s.pageview("/help", { title: "Hilfe · Inkwell" }).wait(5);
      s.capture("help_searched", { query: "Unterschriftsfeld hinzufügen", results_count: 2 });
      s.pageview("/help/search?q=Unterschriftsfeld%20hinzuf%C3%BCgen", { title: "Suche · Inkwell Hilfe" }).wait(8);
      s.click(ui.link("Felder platzieren", "/help/articles/place-fields"));
      s.pageview("/help/articles/place-fields", { title: "Felder platzieren · Inkwell Hilfe" }).wait(90);
      prepareAndSend(s, 41);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "sending", cause: null, tags: ["help-search-found", "non-english"] },
  },
  {
    name: "email-address-in-search-then-resend",
    start: "2026-11-28T09:05:00Z",
    visitor: owner("u_lindqvist"),
    origin: APP,
    script: (s) => {
      s.pageview("/help", { title: "Help · Inkwell" }).wait(4);
      s.capture("help_searched", { query: "maria.lopez@gmail.com did not get the email", results_count: 0 });
      s.pageview("/help/search?q=maria.lopez%40gmail.com%20did%20not%20get%20the%20email", { title: "Search · Inkwell Help" }).wait(10);
      s.pageview("/envelopes/env_5r8t", { title: "Envelope · Inkwell" }).wait(15);
      s.click(ui.button("Resend", "resend"));
      s.capture("envelope_resent", { signers: 1 }).wait(8);
      s.pageleave();
    },
    label: { outcome: "success", score: 8, department: "sending", cause: null, tags: ["pii-in-input"] },
  },
  {
    name: "harmless-avatar-error",
    start: "2026-11-28T15:15:00Z",
    visitor: owner("u_novak"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes", { title: "Envelopes · Inkwell" }).wait(2);
      s.exception({ $exception_list: [{ type: "Error", value: "Failed to load avatar https://cdn.inkwell.so/avatars/u_novak.png", mechanism: { type: "generic", handled: true, synthetic: false }, stacktrace: { type: "resolved", frames: [{ raw_id: "av", mangled_name: "n", line: 31, column: 11, source: "webpack://inkwell/./src/components/Avatar.jsx", in_app: true, resolved_name: "onError", lang: "javascript", resolved: true, resolve_failure: null }] } }] }).wait(4);
      prepareAndSend(s, 44);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "sending", cause: null, tags: ["harmless-in-app-error"] },
  },
  {
    name: "idle-tab-before",
    start: "2026-11-24T11:00:00Z",
    visitor: owner("u_tanaka"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes", { title: "Envelopes · Inkwell" }).wait(15);
      s.click(ui.link("Lease renewal — Unit 4B", "/envelopes/env_9a1c"));
      s.pageview("/envelopes/env_9a1c", { title: "Envelope · Inkwell" }).wait(40);
    },
    label: { outcome: "success", score: 9, department: "sending", cause: null, tags: ["idle-tab", "status-check"] },
  },
  {
    name: "idle-tab-closed-hours-later",
    start: "2026-11-24T16:47:00Z",
    visitor: owner("u_tanaka"),
    origin: APP,
    script: (s) => {
      s.onPage("/envelopes/env_9a1c").pageleave();
    },
    label: { outcome: "bounce", score: 5, department: "sending", cause: null, tags: ["idle-tab", "lone-pageleave"] },
  },
  {
    name: "long-template-session",
    start: "2026-11-23T13:00:00Z",
    visitor: owner("u_oduya"),
    origin: APP,
    script: (s) => {
      for (const name of ["Consulting agreement", "Consulting agreement (EU)", "Statement of work"]) {
        s.pageview("/templates/new", { title: "New template · Inkwell" }).wait(120);
        for (let f = 0; f < 6; f++) s.click(ui.tool(f % 2 ? "Date" : "Signature")).wait(60).capture("field_placed", { kind: f % 2 ? "date" : "signature", page: 1 + f }).wait(90);
        s.click(ui.button("Save template", "save-template"));
        s.capture("template_saved", { name, fields: 6 }).wait(240);
      }
      prepareAndSend(s, 51);
      s.pageleave();
    },
    label: { outcome: "success", score: 10, department: "templates", cause: null, tags: ["long-engaged"] },
  },
];
