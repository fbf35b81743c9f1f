// The scenario table: each scenario's share of sessions, its traffic source and its script.
import type { Rng } from "../prng.js";
import type { ScenarioName } from "../types.js";
import { bounce, bounceTraffic, bounceWrongProduct, wrongProductTraffic } from "./bounces.js";
import { csvBom, hubspotScope, rareTimezone, toolTimeout, workflowSchema } from "./bugs.js";
import { appTraffic, type Scene, type Traffic } from "./common.js";
import { happyEngaged, happyQuick } from "./happy.js";
import { confusingPublish, missingSchedule } from "./improvements.js";

export interface ScenarioDef {
  /** Share of sessions; the rare bug has none and is planted exactly twice a week instead. */
  share: number;
  traffic(rng: Rng): Traffic;
  run(scene: Scene): void;
}

export const RARE_SCENARIO: ScenarioName = "bug_rare_timezone";
export const RARE_SESSIONS_PER_WEEK = 2;

export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioDef>> = {
  happy_engaged: { share: 0.45, traffic: appTraffic, run: happyEngaged },
  happy_quick: { share: 0.09, traffic: appTraffic, run: happyQuick },
  bug_hubspot_scope: { share: 0.08, traffic: appTraffic, run: hubspotScope },
  bug_tool_timeout: { share: 0.07, traffic: appTraffic, run: toolTimeout },
  bug_workflow_schema: { share: 0.06, traffic: appTraffic, run: workflowSchema },
  bug_csv_bom: { share: 0.06, traffic: appTraffic, run: csvBom },
  bug_rare_timezone: { share: 0, traffic: appTraffic, run: rareTimezone },
  missing_schedule: { share: 0.05, traffic: appTraffic, run: missingSchedule },
  confusing_publish: { share: 0.05, traffic: appTraffic, run: confusingPublish },
  bounce_wrong_product: { share: 0.06, traffic: wrongProductTraffic, run: bounceWrongProduct },
  bounce: { share: 0.03, traffic: bounceTraffic, run: bounce },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export const SCENARIO_SHARES: Readonly<Record<ScenarioName, number>> = Object.fromEntries(
  SCENARIO_NAMES.map((name) => [name, SCENARIOS[name].share]),
) as Record<ScenarioName, number>;

const CUMULATIVE: ReadonlyArray<readonly [ScenarioName, number]> = (() => {
  let total = 0;
  return SCENARIO_NAMES.filter((name) => SCENARIOS[name].share > 0).map((name) => {
    total += SCENARIOS[name].share;
    return [name, total] as const;
  });
})();

/** The scenario at position u in [0, 1) of the share distribution. */
export function scenarioAt(u: number): ScenarioName {
  for (const [name, upTo] of CUMULATIVE) if (u < upTo) return name;
  return "happy_engaged";
}
