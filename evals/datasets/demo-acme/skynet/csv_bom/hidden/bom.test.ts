import assert from "node:assert/strict";
import { test } from "node:test";
import { importContacts } from "../src/import/csv.js";

test("a CSV saved with a byte-order mark imports its contacts", () => {
  const result = importContacts("up_1", "\ufeffemail,name\nada@example.com,Ada\nbob@example.com,Bob\n");
  assert.deepEqual(result.contacts.map((c) => c.email), ["ada@example.com", "bob@example.com"]);
  assert.equal(result.contacts[0]?.name, "Ada");
});

test("the mark is not mistaken for part of another first column", () => {
  const result = importContacts("up_2", "\ufeffname,email\nAda,ada@example.com\n");
  assert.equal(result.contacts[0]?.name, "Ada");
});
