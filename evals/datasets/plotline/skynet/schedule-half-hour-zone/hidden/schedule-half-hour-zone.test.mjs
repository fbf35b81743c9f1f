import { test } from "node:test";
import assert from "node:assert/strict";
import { nextDelivery } from "../src/reports/schedule.js";

const daily = (timeZone) => ({ every: "day", hour: 9, minute: 0, timeZone });
const now = new Date("2026-11-10T01:00:00Z");

test("half-hour and quarter-hour zones schedule at local time", () => {
  assert.equal(nextDelivery(daily("Asia/Kolkata"), now), "2026-11-10T03:30:00.000Z");
  assert.equal(nextDelivery(daily("Asia/Kathmandu"), now), "2026-11-10T03:15:00.000Z");
  assert.equal(nextDelivery(daily("America/St_Johns"), now), "2026-11-10T12:30:00.000Z");
});

test("whole-hour zones are unchanged", () => {
  assert.equal(nextDelivery(daily("Europe/Paris"), new Date("2026-11-10T06:00:00Z")), "2026-11-10T08:00:00.000Z");
});
