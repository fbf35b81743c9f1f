import { buildWeeklyGraph, weeklyThreadId } from "../graphs/weekly/index.js";
import type { WeeklyStateType } from "../graphs/weekly/state.js";
import type { RunSettings } from "../runtime/settings.js";
import { runOnThread, type GateAnswerer, type GraphOutcome } from "./runGraph.js";

/** The weekly graph on its week's thread: resumes a crashed or gated run, else runs the week again. */
export function runWeek(
  settings: RunSettings,
  week: string,
  answer: GateAnswerer,
  progress?: (line: string) => void,
): Promise<GraphOutcome<WeeklyStateType>> {
  return runOnThread<WeeklyStateType>(buildWeeklyGraph(), { week }, { settings, threadId: weeklyThreadId(week), answer, progress, week });
}
