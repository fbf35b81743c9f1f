import { test } from "node:test";
import assert from "node:assert/strict";
import { nextDelivery, zoneOffsetMinutes } from "../src/reports/schedule.js";

test("offsets follow the zone and its daylight saving time", () => {
  assert.equal(zoneOffsetMinutes("Europe/Paris", new Date("2026-07-01T00:00:00Z")), 120);
  assert.equal(zoneOffsetMinutes("Europe/Paris", new Date("2026-12-01T00:00:00Z")), 60);
  assert.equal(zoneOffsetMinutes("America/New_York", new Date("2026-12-01T00:00:00Z")), -300);
});

test("a daily report goes out the same day when its time is still ahead", () => {
  const at = nextDelivery({ every: "day", hour: 9, minute: 0, timeZone: "Europe/Paris" }, new Date("2026-11-10T06:00:00Z"));
  assert.equal(at, "2026-11-10T08:00:00.000Z");
});

test("a weekly report waits for its weekday", () => {
  const at = nextDelivery({ every: "week", weekday: 1, hour: 8, minute: 30, timeZone: "America/New_York" }, new Date("2026-11-11T15:00:00Z"));
  assert.equal(at, "2026-11-16T13:30:00.000Z");
});
