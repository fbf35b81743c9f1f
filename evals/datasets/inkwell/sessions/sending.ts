// Senders preparing and sending envelopes: smooth, blocked, or getting past an error.
import type { PostHogSession } from "../../_kit/posthog.js";
import { bug, improvement } from "../../_kit/truth.js";
import { APP, fieldDropCrash, ui, visitor, type HandSession } from "../hand.js";

const env = (n: number): string => `env_${n}k2h9`;
const doc = (n: number): string => `doc_${n}p7q1`;

/** Upload, place a signature and a date field, add one signer, send. */
export function prepareAndSend(s: PostHogSession, n: number, pages = 3): void {
  s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(8);
  s.click(ui.button("Upload PDF", "upload"));
  s.capture("document_uploaded", { pages, size: 184_233 + n * 1000 }).wait(3);
  s.pageview(`/documents/${doc(n)}/edit`, { title: "Place fields · Inkwell" }).wait(6);
  for (const kind of ["Signature", "Date"]) {
    s.click(ui.tool(kind)).wait(2);
    s.capture("field_placed", { kind: kind.toLowerCase(), page: pages }).wait(4);
  }
  s.click(ui.button("Add signer", "add-signer")).wait(12);
  s.capture("signer_added", { order: 1 }).wait(3);
  s.click(ui.button("Send", "send-envelope"));
  s.capture("envelope_sent", { signers: 1, fields: 2 });
  s.pageview(`/envelopes/${env(n)}`, { title: "Envelope · Inkwell" }).wait(10);
}

function helpSearch(s: PostHogSession, query: string, results: number): void {
  s.pageview("/help", { title: "Help · Inkwell" }).wait(4);
  s.capture("help_searched", { query, results_count: results });
  s.pageview(`/help/search?q=${encodeURIComponent(query)}`, { title: "Search · Inkwell Help" }).wait(9);
}

const sender = (id: string, browser: "chrome-mac" | "edge-windows" = "chrome-mac") => visitor(id, browser, { email: `${id}@harborlaw.com` });

export const SENDING: HandSession[] = [
  {
    name: "quick-template-send",
    start: "2026-11-23T09:02:11Z",
    visitor: sender("u_mira"),
    origin: APP,
    script: (s) => {
      s.pageview("/templates", { title: "Templates · Inkwell" }).wait(9);
      s.click(ui.button("Use template: NDA (mutual)", "use-template")).wait(20);
      s.pageview(`/envelopes/new?template=tpl_4nda`, { title: "New envelope · Inkwell" }).wait(35);
      s.click(ui.button("Send", "send-envelope"));
      s.capture("envelope_sent", { signers: 1, fields: 4, template: true }).wait(30);
      s.pageleave();
    },
    label: { outcome: "success", score: 10, department: "sending", cause: null, tags: ["quick-success"] },
  },
  {
    name: "too-large-then-smaller",
    start: "2026-11-23T10:40:00Z",
    visitor: sender("u_omar", "edge-windows"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(10);
      s.click(ui.button("Upload PDF", "upload")).wait(4);
      s.capture("upload_rejected", { reason: "This PDF is larger than 25 MB", extension: "pdf", size: 31_457_280 }).wait(140);
      prepareAndSend(s, 2, 14);
      s.pageleave();
    },
    label: { outcome: "success", score: 8, department: "sending", cause: null, tags: ["success-after-error", "product-limit"] },
  },
  {
    name: "field-crash-then-placed-higher",
    start: "2026-11-23T13:15:42Z",
    visitor: sender("u_hana"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(6);
      s.click(ui.button("Upload PDF", "upload"));
      s.capture("document_uploaded", { pages: 2, size: 402_101 }).wait(4);
      s.pageview(`/documents/${doc(3)}/edit`, { title: "Place fields · Inkwell" }).wait(15);
      s.click(ui.tool("Date")).wait(2);
      s.exception(fieldDropCrash()).wait(8);
      s.click(ui.tool("Date")).wait(2);
      s.capture("field_placed", { kind: "date", page: 2 }).wait(5);
      s.click(ui.tool("Signature")).wait(2);
      s.capture("field_placed", { kind: "signature", page: 2 }).wait(10);
      s.click(ui.button("Send", "send-envelope"));
      s.capture("envelope_sent", { signers: 2, fields: 2 }).wait(20);
      s.pageleave();
    },
    label: { outcome: "success", score: 7, department: "sending", cause: bug("field-drop-below-last-page"), tags: ["success-after-error"] },
  },
  {
    name: "field-crash-gives-up",
    start: "2026-11-24T08:31:05Z",
    visitor: sender("u_theo"),
    origin: APP,
    script: (s) => {
      s.pageview(`/documents/${doc(4)}/edit`, { title: "Place fields · Inkwell" }).wait(20);
      for (let i = 0; i < 2; i++) {
        s.click(ui.tool("Date")).wait(2);
        s.exception(fieldDropCrash()).wait(12);
      }
      s.rageclick(ui.tool("Date"));
      s.wait(40).pageleave();
    },
    label: { outcome: "failure", score: 2, department: "sending", cause: bug("field-drop-below-last-page"), tags: ["blocked-by-bug"] },
  },
  {
    name: "field-crash-help-nothing",
    start: "2026-11-24T15:02:40Z",
    visitor: sender("u_elin", "edge-windows"),
    origin: APP,
    script: (s) => {
      s.pageview(`/documents/${doc(5)}/edit`, { title: "Place fields · Inkwell" }).wait(25);
      s.click(ui.tool("Signature")).wait(2);
      s.exception(fieldDropCrash()).wait(10);
      helpSearch(s, "cant place signature on last page", 0);
      s.pageleave();
    },
    label: { outcome: "failure", score: 2, department: "sending", cause: bug("field-drop-below-last-page"), tags: ["blocked-by-bug", "help-search-not-found"] },
  },
  {
    name: "field-crash-sent-without-date",
    start: "2026-11-25T11:20:00Z",
    visitor: sender("u_kenji"),
    origin: APP,
    script: (s) => {
      s.pageview(`/documents/${doc(6)}/edit`, { title: "Place fields · Inkwell" }).wait(14);
      s.click(ui.tool("Date")).wait(2);
      s.exception(fieldDropCrash()).wait(9);
      s.click(ui.tool("Signature")).wait(2);
      s.capture("field_placed", { kind: "signature", page: 1 }).wait(6);
      s.click(ui.button("Send", "send-envelope"));
      s.capture("envelope_sent", { signers: 1, fields: 1 }).wait(15);
      s.pageleave();
    },
    label: { outcome: "partial", score: 5, department: "sending", cause: bug("field-drop-below-last-page"), tags: ["workaround"] },
  },
  {
    name: "uppercase-extension-refused",
    start: "2026-11-24T10:05:10Z",
    visitor: sender("u_diego", "edge-windows"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(7);
      for (let i = 0; i < 3; i++) {
        s.click(ui.button("Upload PDF", "upload")).wait(3);
        s.capture("upload_rejected", { reason: "Only PDF files can be sent for signature", extension: "PDF", size: 88_120 }).wait(15);
      }
      s.wait(30).pageleave();
    },
    label: { outcome: "failure", score: 2, department: "sending", cause: bug("upload-uppercase-pdf-extension"), tags: ["blocked-by-bug", "failure-event-without-stack"] },
  },
  {
    name: "uppercase-extension-other-document",
    start: "2026-11-26T14:44:00Z",
    visitor: sender("u_priya"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(5);
      s.click(ui.button("Upload PDF", "upload")).wait(3);
      s.capture("upload_rejected", { reason: "Only PDF files can be sent for signature", extension: "PDF", size: 1_204_117 }).wait(60);
      prepareAndSend(s, 8, 1);
      s.pageleave();
    },
    label: { outcome: "partial", score: 5, department: "sending", cause: bug("upload-uppercase-pdf-extension"), tags: ["workaround"] },
  },
  {
    name: "bulk-send-not-found",
    start: "2026-11-25T09:12:00Z",
    visitor: sender("u_amara"),
    origin: APP,
    script: (s) => {
      helpSearch(s, "bulk send csv", 0);
      helpSearch(s, "send to many recipients at once", 0);
      s.pageleave();
    },
    label: { outcome: "failure", score: 3, department: "sending", cause: improvement("bulk-send"), tags: ["help-search-not-found", "missing-feature"] },
  },
  {
    name: "bulk-send-one-by-one",
    start: "2026-11-27T16:00:00Z",
    visitor: sender("u_jonas"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(8);
      s.deadClick(ui.button("Bulk send · Business plan", "bulk-send"));
      helpSearch(s, "mass send same document", 0);
      prepareAndSend(s, 10);
      s.pageleave();
    },
    label: { outcome: "partial", score: 6, department: "sending", cause: improvement("bulk-send"), tags: ["help-search-not-found", "missing-feature"] },
  },
  {
    name: "sms-delivery-wanted",
    start: "2026-11-26T09:30:00Z",
    visitor: sender("u_yusuf"),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/new", { title: "New envelope · Inkwell" }).wait(12);
      s.deadClick(ui.button("Deliver by SMS", "sms-delivery"));
      helpSearch(s, "send signing link by text message", 0);
      s.pageleave();
    },
    label: { outcome: "failure", score: 4, department: "sending", cause: improvement("sms-delivery"), tags: ["help-search-not-found", "missing-feature"] },
  },
  {
    name: "help-found-second-signer",
    start: "2026-11-24T12:10:00Z",
    visitor: sender("u_sofia"),
    origin: APP,
    script: (s) => {
      helpSearch(s, "add a second signer", 3);
      s.click(ui.link("Adding signers and signing order", "/help/articles/signing-order"));
      s.pageview("/help/articles/signing-order", { title: "Signing order · Inkwell Help" }).wait(70);
      prepareAndSend(s, 12);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "sending", cause: null, tags: ["help-search-found"] },
  },
];
