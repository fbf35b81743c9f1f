import { describe, it, expect } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { skynetFixRate } from "./fixRate.js";
import type { LoadedDataset } from "../dataset.js";

const FILES: Record<string, string> = {
  "repo/package.json": `{ "name": "shop", "type": "module", "scripts": { "test": "node --test" } }\n`,
  "repo/src/cart.js": `export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n`,
  "repo/test/cart.test.js": `import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { total } from "../src/cart.js";\n\ntest("adds prices", () => assert.equal(total([{ price: 2 }, { price: 3 }]), 5));\n`,
  "skynet/quantity/hidden/cart.test.mjs": `import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { total } from "../src/cart.js";\n\ntest("counts quantities", () => assert.equal(total([{ price: 2, quantity: 3 }]), 6));\n`,
  "skynet/quantity/hidden.json": JSON.stringify({ command: "node --test hidden/", ticket: { title: "Cart total ignores quantities", signal: "Totals are too low for items bought several times (src/cart.js)" } }),
  "skynet/quantity/right.patch": `--- a/src/cart.js\n+++ b/src/cart.js\n@@ -1,3 +1,3 @@\n export function total(items) {\n-  return items.reduce((sum, item) => sum + item.price, 0);\n+  return items.reduce((sum, item) => sum + item.price * (item.quantity ?? 1), 0);\n }\n`,
  // Plausible and wrong: the property is not called qty, so the product's own test still passes.
  "skynet/quantity/wrong.patch": `--- a/src/cart.js\n+++ b/src/cart.js\n@@ -1,3 +1,3 @@\n export function total(items) {\n-  return items.reduce((sum, item) => sum + item.price, 0);\n+  return items.reduce((sum, item) => sum + item.price * (item.qty ?? 1), 0);\n }\n`,
};

/** A tiny product with one bug, its hidden test and both patches, as a dataset folder. */
function shopDataset(overrides: Record<string, string> = {}): LoadedDataset {
  const dir = mkdtempSync(join(tmpdir(), "selfheal-eval-shop-"));
  for (const [path, text] of Object.entries({ ...FILES, ...overrides })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const profile = { product: { name: "Shop", description: "a shop" }, departments: { checkout: ["/cart"] }, successEvents: ["order_placed"], repo: { path: "repo", testCommand: "npm test" } };
  return {
    name: "shop",
    dir,
    manifest: { name: "shop", description: "a shop", exports: [{ file: "e.jsonl", format: "posthog" }], generated: false },
    exports: [],
    truth: { sessions: [], bugs: [{ id: "quantity", title: "quantity ignored", file: "src/cart.js", line: 2 }], improvements: [], noise: [] },
    profile,
    skynetBugs: ["quantity"],
    generatedDir: null,
  };
}

describe("Skynet's fix rate", () => {
  it("scores the scripted right patch 1 and the wrong one 0 by the hidden tests, though Skynet verified both", async () => {
    const result = await skynetFixRate(shopDataset(), { names: {} }, { kind: "scripted" });
    expect(result.defects).toEqual([]);
    expect(result.attempts.map((a) => [a.patch, a.status, a.score])).toEqual([
      ["right", "pr_opened", 1],
      ["wrong", "pr_opened", 0],
    ]);
    expect(result.attempts[1]?.hidden).toMatch(/^failed \(exit 1\): 0 of 1 tests passed, 1 failed$/);
  });

  it("reports hidden tests that pass on the unfixed code, or a right patch that does not apply, as defects", async () => {
    const passing = `import { test } from "node:test";\ntest("proves nothing", () => {});\n`;
    const broken = await skynetFixRate(shopDataset({ "skynet/quantity/hidden/cart.test.mjs": passing }), { names: {} }, { kind: "scripted" });
    expect(broken.attempts).toEqual([]);
    expect(broken.defects).toEqual([expect.stringMatching(/^skynet\/quantity: the hidden tests pass on the unfixed code \(passed: 1 of 1 tests passed, 0 failed\), so they cannot tell a fix$/)]);
    const stale = await skynetFixRate(shopDataset({ "skynet/quantity/right.patch": FILES["skynet/quantity/right.patch"]!.replace("item.price, 0", "item.cost, 0") }), { names: {} }, { kind: "scripted" });
    expect(stale.defects).toEqual([expect.stringMatching(/^skynet\/quantity: right\.patch does not apply: /)]);
  });
});
