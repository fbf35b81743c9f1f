import { test } from "node:test";
import assert from "node:assert/strict";
import { splitsOf, summaryOf } from "../src/run/splits.js";
import { formatPace } from "../src/run/pace.js";

const track = (km, secondsPerKm) => Array.from({ length: km * 10 + 1 }, (_, i) => ({ t: i * secondsPerKm / 10, d: i * 100 }));

test("each full kilometre is a split", () => {
  assert.deepEqual(splitsOf(track(3, 300)).map((s) => s.seconds), [300, 300, 300]);
});

test("the summary shows distance, pace and the fastest kilometre", () => {
  const points = [...track(2, 330), { t: 1000, d: 3000 }];
  const summary = summaryOf({ points });
  assert.equal(summary.distanceKm, 3);
  assert.equal(summary.averagePace, "5:33");
  assert.deepEqual(summary.fastestKm, { km: 1, pace: "5:30" });
});

test("paces print as minutes and seconds", () => {
  assert.equal(formatPace(299.6), "5:00");
  assert.equal(formatPace(null), "–:––");
});
