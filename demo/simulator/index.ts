// Public API of the Acme session simulator.
export { simulateWeek } from "./week.js";
export { writeSessionsJsonl } from "./jsonl.js";
export { SCENARIO_NAMES, SCENARIO_SHARES, RARE_SCENARIO, RARE_SESSIONS_PER_WEEK } from "./scenarios/index.js";
export { SCHEDULE_QUERIES } from "./scenarios/improvements.js";
export { bugFrames, BUG_NAMES, type BugName } from "./stacks.js";
export { appDir } from "./app-source.js";
export type { ExceptionEntry, PostHogEvent, ScenarioName, SimulatedSession, SimulateOptions, StackFrame } from "./types.js";
