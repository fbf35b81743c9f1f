import { test } from "node:test";
import assert from "node:assert/strict";
import { axisTicks } from "../src/charts/axis.js";
import { chartModel } from "../src/charts/series.js";

test("a series of zeros still gets an axis that starts at zero", () => {
  const ticks = axisTicks([0, 0, 0]);
  assert.ok(ticks.length >= 2, `ticks: ${JSON.stringify(ticks)}`);
  assert.equal(ticks[0], 0);
  assert.ok(ticks.every(Number.isFinite));
});

test("a metric with no data in the range previews", () => {
  const model = chartModel([{ day: "2026-11-01", refunds: 0 }, { day: "2026-11-02", refunds: 0 }], { x: "day", metrics: ["refunds"] });
  assert.ok(model.yTicks.length >= 2 && model.yTicks.every(Number.isFinite));
});

test("ordinary series keep their ticks", () => {
  assert.deepEqual(axisTicks([3, 48, 97]), [0, 20, 40, 60, 80, 100]);
});
