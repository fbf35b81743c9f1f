import { test } from "node:test";
import assert from "node:assert/strict";
import { sendsPerDay } from "../server/stats/usage.js";

test("sends are counted per day of the account's time zone", () => {
  const sends = [{ at: "2026-10-26T23:30:00Z" }, { at: "2026-10-27T00:30:00Z" }, { at: "2026-10-27T09:00:00Z" }];
  assert.deepEqual(sendsPerDay(sends, "UTC"), [{ day: "2026-10-26", count: 1 }, { day: "2026-10-27", count: 2 }]);
  assert.deepEqual(sendsPerDay(sends, "Europe/Berlin"), [{ day: "2026-10-27", count: 3 }]);
});
