// Signers on the signing page (often on a phone), and senders waiting for them.
import { bug } from "../../_kit/truth.js";
import { APP, ui, visitor, type HandSession } from "../hand.js";

const signer = (id: string, browser: "safari-iphone" | "chrome-android" | "chrome-mac") => visitor(id, browser, { referrer: "https://mail.google.com/" });

export const SIGNING: HandSession[] = [
  {
    name: "desktop-signer",
    start: "2026-11-23T11:03:00Z",
    visitor: signer("signer_4f1", "chrome-mac"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_9QxL2mW7pK4n", { title: "Review and sign · Inkwell" }).wait(50);
      s.click(ui.button("Start", "start-signing")).wait(30);
      s.rageclick(ui.canvas());
      s.wait(3).click(ui.button("Finish", "finish-signing"));
      s.capture("document_signed", { fields: 2, method: "drawn" }).wait(8);
      s.pageleave();
    },
    label: { outcome: "success", score: 10, department: "signing", cause: null, tags: ["quick-success", "rageclick-not-anger"] },
  },
  {
    name: "iphone-signer-cannot-draw",
    start: "2026-11-24T18:22:00Z",
    visitor: signer("signer_a07", "safari-iphone"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_Hk3pQ8zR1vY6", { title: "Review and sign · Inkwell" }).wait(40);
      s.click(ui.button("Start", "start-signing")).wait(10);
      s.rageclick(ui.canvas());
      s.wait(6).rageclick(ui.canvas());
      s.deadClick(ui.button("Finish", "finish-signing"));
      s.wait(20).pageleave();
    },
    label: { outcome: "failure", score: 1, department: "signing", cause: bug("signature-pad-ignores-touch"), tags: ["blocked-by-bug", "bug-without-exception"] },
  },
  {
    name: "android-signer-cannot-draw",
    start: "2026-11-25T19:47:00Z",
    visitor: signer("signer_b52", "chrome-android"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_Zt6mN2bV9cX3", { title: "Review and sign · Inkwell" }).wait(35);
      s.click(ui.button("Start", "start-signing")).wait(8);
      s.rageclick(ui.canvas());
      s.deadClick(ui.button("Finish", "finish-signing"));
      s.click(ui.button("Questions? Chat with us", "support-chat"));
      s.capture("support_chat_opened", { page: "sign" }).wait(60);
      s.pageleave();
    },
    label: { outcome: "failure", score: 1, department: "signing", cause: bug("signature-pad-ignores-touch"), tags: ["blocked-by-bug", "bug-without-exception"] },
  },
  {
    name: "iphone-signer-types-instead",
    start: "2026-11-26T07:58:00Z",
    visitor: signer("signer_c19", "safari-iphone"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_Pw4sD7fG1hJ8", { title: "Review and sign · Inkwell" }).wait(30);
      s.click(ui.button("Start", "start-signing")).wait(6);
      s.rageclick(ui.canvas());
      s.wait(15).click(ui.button("Type it instead", "type-signature")).wait(12);
      s.click(ui.button("Finish", "finish-signing"));
      s.capture("document_signed", { fields: 2, method: "typed" }).wait(5);
      s.pageleave();
    },
    label: { outcome: "success", score: 7, department: "signing", cause: bug("signature-pad-ignores-touch"), tags: ["success-after-error"] },
  },
  {
    name: "signer-declines",
    start: "2026-11-25T13:12:00Z",
    visitor: signer("signer_d88", "chrome-mac"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_Lm8kJ3hG5fD2", { title: "Review and sign · Inkwell" }).wait(180);
      s.click(ui.button("Decline to sign", "decline")).wait(25);
      s.capture("signature_declined", { reason: "The payment terms are not what we agreed" }).wait(6);
      s.pageleave();
    },
    label: { outcome: "success", score: 8, department: "signing", cause: null, tags: ["failure-word-not-failure"] },
  },
  {
    name: "expired-signing-link",
    start: "2026-11-27T08:40:00Z",
    visitor: signer("signer_e31", "chrome-android"),
    origin: APP,
    script: (s) => {
      s.pageview("/sign/st_Qa1zX9cV7bN5", { title: "This link has expired · Inkwell" });
      s.capture("signing_link_expired", { voided_by_sender: true }).wait(14);
      s.pageleave();
    },
    label: { outcome: "failure", score: 4, department: "signing", cause: null, tags: ["product-worked-as-designed"] },
  },
  {
    name: "sender-waits-for-signature",
    start: "2026-11-26T09:00:00Z",
    visitor: visitor("u_noah", "chrome-mac", { email: "u_noah@harborlaw.com" }),
    origin: APP,
    script: (s) => {
      s.pageview("/envelopes/env_7w2b", { title: "Envelope · Inkwell" }).wait(20);
      s.click(ui.button("Remind signer", "remind")).wait(4);
      s.capture("reminder_sent", { signers: 1 });
      for (let i = 0; i < 17; i++) s.wait(600).capture("status_polled", { pending: 1 });
      s.wait(120).capture("envelope_completed", { signers: 1 });
      s.click(ui.button("Download signed PDF", "download-signed"));
      s.capture("signed_pdf_downloaded").wait(10);
      s.pageleave();
    },
    label: { outcome: "success", score: 9, department: "sending", cause: null, tags: ["idle-tab"] },
  },
];
