import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv } from "../src/server/export/csv.js";

test("values with commas, quotes or newlines are quoted", () => {
  const csv = toCsv({ columns: ["name", "note"], rows: [{ name: "Acme, Inc.", note: 'said "hi"' }, { name: "Bo", note: null }] });
  assert.equal(csv, 'name,note\r\n"Acme, Inc.","said ""hi"""\r\nBo,');
});
