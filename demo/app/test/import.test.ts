import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvImportError, importContacts, parseCsv } from "../src/import/csv.js";
import { eventNames, testApp } from "./helpers.js";

test("parses quoted fields, escaped quotes and CRLF", () => {
  assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3'), [
    ["a", "b, c", 'say "hi"'],
    ["1", "2", "3"],
  ]);
});

test("imports contacts and reports rows without an email", () => {
  const result = importContacts("up_1", "Email,Name,Company\nada@example.com,Ada,Initech\nnot-an-email,Bob,\n");
  assert.deepEqual(result.contacts, [{ email: "ada@example.com", name: "Ada", company: "Initech" }]);
  assert.deepEqual(result.skippedLines, [3]);
});

test("a file without an email column is refused with the columns it has", () => {
  assert.throws(() => importContacts("up_2", "name,phone\nAda,1\n"), (error: unknown) => {
    assert.ok(error instanceof CsvImportError);
    assert.equal(error.message, 'Missing required column "email" in upload up_2 (found: "name", "phone")');
    return true;
  });
});

test("the import API stores contacts and captures import_completed", async () => {
  const app = testApp();
  const res = await app.call("POST", "/api/imports/contacts", { content: "email,name\nada@example.com,Ada\n" });
  assert.equal(res.status, 200);
  assert.equal(app.deps.store.contactCount(), 1);
  assert.deepEqual(eventNames(app), ["import_completed"]);
});
