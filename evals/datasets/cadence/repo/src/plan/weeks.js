// Training plans: weeks of days, each day a workout or rest, regenerated when the goal changes.

export function planWeek(plan, number) {
  const { focus, days } = plan.weeks[number - 1];
  return {
    number,
    of: plan.weeks.length,
    focus,
    days: days.map((day) => ({ date: day.date, title: day.workout?.title ?? "Rest", minutes: day.workout?.minutes ?? 0 })),
  };
}

export function weeklyMinutes(plan) {
  return plan.weeks.map((week) => week.days.reduce((sum, day) => sum + (day.workout?.minutes ?? 0), 0));
}
