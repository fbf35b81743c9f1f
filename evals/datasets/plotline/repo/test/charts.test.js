import { test } from "node:test";
import assert from "node:assert/strict";
import { axisTicks, niceStep } from "../src/charts/axis.js";
import { chartModel } from "../src/charts/series.js";

test("steps are 1, 2 or 5 times a power of ten", () => {
  assert.equal(niceStep(100, 5), 20);
  assert.equal(niceStep(7, 5), 2);
  assert.equal(niceStep(0.9, 5), 0.2);
});

test("ticks start at zero and cover the largest value", () => {
  assert.deepEqual(axisTicks([3, 48, 97]), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(axisTicks([-12, 30]), [-20, -10, 0, 10, 20, 30]);
});

test("the chart model sorts points by x", () => {
  const model = chartModel([{ day: "2026-11-02", signups: "4" }, { day: "2026-11-01", signups: "9" }], { x: "day", metrics: ["signups"] });
  assert.deepEqual(model.series[0].points.map((p) => p.y), [9, 4]);
  assert.equal(model.yTicks.at(-1), 10);
});
