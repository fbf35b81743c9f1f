import { test } from "node:test";
import assert from "node:assert/strict";
import { uploadError } from "../src/documents/upload.js";
import { pageAt, placeField } from "../src/fields/place.js";
import { envelopeErrors } from "../src/envelopes/send.js";
import { attachPad, isSigned } from "../src/signer/pad.js";

test("PDFs are accepted, other files and empty ones are not", () => {
  assert.equal(uploadError({ name: "lease.pdf", size: 120_000 }), null);
  assert.equal(uploadError({ name: "lease.docx", size: 120_000 }), "Only PDF files can be sent for signature");
  assert.equal(uploadError({ name: "lease.pdf", size: 0 }), "This file is empty");
});

test("a drop on the second page lands on page 2", () => {
  const pages = [{ height: 792 }, { height: 792 }];
  assert.deepEqual(pageAt(pages, 792 + 16 + 100, 1), { index: 1, y: 100 });
  assert.deepEqual(placeField({ pages }, { x: 50, y: 100, scale: 1 }, "signature"), { kind: "signature", page: 1, x: 50, y: 692 });
});

test("an envelope needs signers with emails and a signature field", () => {
  assert.deepEqual(envelopeErrors({ signers: [{ email: "ana@example.com" }], fields: [{ kind: "signature" }] }), []);
  assert.deepEqual(envelopeErrors({ signers: [{ email: "ana" }], fields: [] }), ["ana has no valid email", "Place at least one signature field"]);
});

test("a mouse stroke is recorded", () => {
  const handlers = {};
  const strokes = [];
  attachPad({ addEventListener: (type, fn) => (handlers[type] = fn) }, (s) => strokes.push(s));
  handlers.mousedown({ offsetX: 1, offsetY: 1, timeStamp: 1 });
  for (let i = 2; i < 10; i++) handlers.mousemove({ offsetX: i, offsetY: i, timeStamp: i });
  handlers.mouseup();
  assert.equal(strokes.length, 1);
  assert.equal(isSigned(strokes), true);
});
