import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv } from "../src/server/export/csv.js";

test("a result with no rows exports its header row", () => {
  assert.equal(toCsv({ columns: ["day", "signups"], rows: [] }), "day,signups");
});

test("columns keep the query's order", () => {
  assert.equal(toCsv({ columns: ["signups", "day"], rows: [{ day: "2026-11-01", signups: 4 }] }), "signups,day\r\n4,2026-11-01");
});
