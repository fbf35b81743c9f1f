import { test } from "node:test";
import assert from "node:assert/strict";
import { renderTemplate, variablesOf } from "../src/templates/render.js";

test("variables are looked up by path and escaped", () => {
  assert.equal(renderTemplate("Hi {{ user.name }}!", { user: { name: "<Ann>" } }), "Hi &lt;Ann&gt;!");
});

test("a missing variable uses its default", () => {
  assert.equal(renderTemplate('Hi {{ first_name | default: "there" }}', {}), "Hi there");
  assert.equal(renderTemplate("Order {{ order.id }}", {}), "Order ");
});

test("the editor lists each variable once", () => {
  assert.deepEqual(variablesOf("{{ a }} {{ b.c }} {{ a }}"), ["a", "b.c"]);
});
