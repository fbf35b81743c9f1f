import assert from "node:assert/strict";
import { test } from "node:test";
import { assertResponse, check, s, SchemaValidationError } from "../src/api/schema.js";

const schema = s.object({ id: s.string, tags: s.array(s.object({ label: s.string, meta: s.record })) });

test("accepts a value of the declared shape", () => {
  assert.equal(check(schema, { id: "a", tags: [{ label: "x", meta: {} }] }), null);
});

test("reports the path of the first mismatch", () => {
  const issue = check(schema, { id: "a", tags: [{ label: "x", meta: {} }, { label: 3, meta: {} }] });
  assert.equal(issue, "tags[1].label expected string, got number");
});

test("assertResponse names the route in the error", () => {
  assert.throws(() => assertResponse("GET /api/things/1", schema, { id: 1, tags: [] }), (error: unknown) => {
    assert.ok(error instanceof SchemaValidationError);
    assert.equal(error.message, "GET /api/things/1 response failed schema: id expected string, got number");
    return true;
  });
});
