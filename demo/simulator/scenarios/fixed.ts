// The weeks after a bug's fix has shipped: the people who would have hit it do what they came for.
import type { BugName } from "../stacks.js";
import type { ScenarioName } from "../types.js";
import { UI } from "../ui.js";
import { connectIntegration, createWorkflow, importCsv, openWorkflow, publishViaSettings, runGoodTool, workflowId, type Scene } from "./common.js";

const FIXED: Readonly<Record<BugName, (scene: Scene) => void>> = {
  hubspot_scope: (scene) => connectIntegration(scene),
  tool_timeout: (scene) => runGoodTool(scene),
  workflow_schema: (scene) => {
    openWorkflow(scene, workflowId(scene.rng));
    createWorkflow(scene);
  },
  csv_bom: (scene) => importCsv(scene),
  rare_timezone: (scene) => {
    const id = workflowId(scene.rng);
    scene.w.pageview(`/app/workflows/${id}/edit`).wait(5, 30).click(UI.tab("Runs"));
    scene.w.pageview(`/app/workflows/${id}/runs`).wait(5, 30);
    publishViaSettings(scene, id);
  },
};

/** The bug a scenario hits, if it is a bug scenario. */
export function bugOf(scenario: ScenarioName): BugName | null {
  return scenario.startsWith("bug_") ? (scenario.slice(4) as BugName) : null;
}

/** The script of a bug scenario whose bug is fixed: the same users, arriving the same way, and succeeding. */
export function fixedRun(bug: BugName): (scene: Scene) => void {
  return (scene) => {
    scene.w.pageview("/app/workflows", scene.utm).wait(3, 15);
    FIXED[bug](scene);
    scene.w.wait(10, 60).leave();
  };
}
