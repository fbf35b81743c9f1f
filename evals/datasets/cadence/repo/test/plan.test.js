import { test } from "node:test";
import assert from "node:assert/strict";
import { planWeek, weeklyMinutes } from "../src/plan/weeks.js";

const plan = {
  weeks: [
    { focus: "base", days: [{ date: "2026-11-16", workout: { title: "Easy 30", minutes: 30 } }, { date: "2026-11-17" }] },
    { focus: "tempo", days: [{ date: "2026-11-23", workout: { title: "Tempo 5k", minutes: 35 } }] },
  ],
};

test("a week lists its days, rest days included", () => {
  assert.deepEqual(planWeek(plan, 1).days.map((d) => d.title), ["Easy 30", "Rest"]);
  assert.equal(planWeek(plan, 2).of, 2);
});

test("weekly minutes add up the workouts", () => {
  assert.deepEqual(weeklyMinutes(plan), [30, 35]);
});
