import { describe, it, expect, beforeAll } from "vitest";
import type { LocalRepo } from "../../tools/codebase/localRepo.js";
import { repoOfFiles } from "../../testing/repoOfFiles.js";
import { isBuildOutput, isTestFile } from "../../tools/codebase/fileKinds.js";
import { locateInCode } from "./locate.js";
import type { FailureGroup } from "./groupFailures.js";

/** A booking product, not the demo's: failures reported as events without a stack, its bundle committed beside the source. */
const FILES: Record<string, string> = {
  "src/booking/seats.js": [
    "const SEAT_RULES = { window: 2, aisle: 1 };", // 1
    "", // 2
    "export function seatError(seat) {", // 3
    '  if (!SEAT_RULES[seat.kind]) return "Seat is not available on this flight";', // 4
    "  return null;", // 5
    "}", // 6
  ].join("\n"),
  "src/booking/pay.js": [
    'import { cardCheck } from "./cards.js";', // 1
    "", // 2
    "export async function pay(card, track) {", // 3
    "  const verdict = cardCheck(card);", // 4
    "  if (!verdict.ok) {", // 5
    '    track("booking_failed", { code: "card_unsupported", provider: "stripe" });', // 6
    "    return false;", // 7
    "  }", // 8
    "  return true;", // 9
    "}", // 10
  ].join("\n"),
  "src/booking/cards.js": [
    'const BRANDS = ["visa", "mastercard"];', // 1
    "", // 2
    "export function cardCheck(card) {", // 3
    "  return { ok: BRANDS.includes(card.brand) };", // 4
    "}", // 5
  ].join("\n"),
  "dist/assets/app-3f9a2b1c7d.js": 'function s(e){return e?null:"Seat is not available on this flight"}track("booking_failed",{code:"card_unsupported"})',
  "dist/assets/app-3f9a2b1c7d.js.map": '{"version":3,"sources":["../src/booking/seats.js"],"sourcesContent":["Seat is not available on this flight booking_failed"]}',
  "test/seats.test.js": 'assert.equal(seatError({ kind: "bulkhead" }), "Seat is not available on this flight");',
};

function group(fields: Partial<FailureGroup>): FailureGroup {
  return {
    fingerprint: "exc-test", kind: "bug", title: "t", signal: "s", frames: [], message: null, literals: [], route: "/book",
    sessions: 9, sessionIds: [], intents: [], departments: new Map(), scoreSum: 0, blocked: 9, ...fields,
  };
}

describe("locating a failure that has no stack", () => {
  let repo: LocalRepo;
  beforeAll(async () => {
    repo = await repoOfFiles(FILES);
  });

  it("finds the source line that spells the message, not the bundle, its map or a test, and the constant its guard reads", async () => {
    const found = await locateInCode(group({ message: "Seat is not available on this flight" }), repo);
    expect(found).toEqual([
      { path: "src/booking/seats.js", line: 4 },
      { path: "src/booking/seats.js", line: 1 },
    ]);
  });

  it("finds a failure event by its name and its code as string literals, then where the value its guard trips on is made", async () => {
    const found = await locateInCode(group({ message: "402", literals: ["booking_failed", "card_unsupported", "stripe"] }), repo);
    expect(found).toEqual([
      { path: "src/booking/pay.js", line: 6 },
      { path: "src/booking/cards.js", line: 4 },
    ]);
  });
});

describe("what a repository file is for", () => {
  it("tells build output and tests from sources", () => {
    for (const path of ["dist/assets/index-f8ed0851.js", "build/static/js/main.3f9a2b1c.js", "public/app.min.js", "src/a.js.map", "web/assets/chunk-BxR7kP2q.js"]) expect(isBuildOutput(path)).toBe(true);
    for (const path of ["src/assets/logo.js", "src/build/plan.ts", "server/routes/watch.js"]) expect(isBuildOutput(path)).toBe(false);
    for (const path of ["test/a.test.js", "src/a.spec.ts", "tests/test_api.py", "src/__tests__/a.js"]) expect(isTestFile(path)).toBe(true);
    for (const path of ["src/testing.ts", "src/contest/entry.js"]) expect(isTestFile(path)).toBe(false);
  });

  it("places an improvement on a route (a rage click: no stack) where that route is served, not where the routes beside it are", async () => {
    const shop = await repoOfFiles({
      "src/routes.js": [
        'import { listOrders, showOrder, refundPage } from "./orders/pages.js";', // 1
        "export const routes = [", // 2
        '  ["/orders", listOrders],', // 3
        '  ["/orders/:id", showOrder],', // 4
        '  ["/orders/:id/refund", refundPage],', // 5
        "];", // 6
      ].join("\n"),
      "src/orders/links.js": "export const refundLink = (id) => `/orders/${id}/refund?from=list`;",
    });
    const found = await locateInCode(group({ kind: "improvement", route: "/orders/:id/refund" }), shop);
    expect(found).toEqual([
      { path: "src/orders/links.js", line: 1 },
      { path: "src/routes.js", line: 5 },
    ]);
  });

  it("places an improvement by its route's static start in the sources, not in the docs or tests that grep lists first", async () => {
    const app = await repoOfFiles({
      "docs/settings.md": ["# Settings", "Open /settings to change the plan.", "Or /settings from the menu.", "/settings lists the teams."].join("\n"),
      "src/app.js": ['import { settingsPage } from "./pages.js";', 'app.get("/settings", settingsPage);'].join("\n"),
      "test/app.test.js": 'get("/settings");',
    });
    const found = await locateInCode(group({ kind: "improvement", route: "/settings/:id/billing" }), app);
    expect(found).toEqual([{ path: "src/app.js", line: 2 }]);
  });
});
