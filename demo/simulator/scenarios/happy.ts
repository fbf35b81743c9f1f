// Users who get value: engaged ones work for 10-30 minutes and reach 1-3 distinct
// success events; quick ones do one thing in a few minutes.
import {
  browse,
  connectIntegration,
  createWorkflow,
  importCsv,
  publishViaSettings,
  runGoodTool,
  workflowId,
  type Scene,
} from "./common.js";

type Success = "workflow_created" | "workflow_published" | "integration_connected" | "import_completed" | "tool_run_succeeded";

const SUCCESSES: readonly Success[] = ["workflow_created", "workflow_published", "integration_connected", "import_completed", "tool_run_succeeded"];

/** k distinct success events in a doable order (a workflow is created before it is published). */
function plan(scene: Scene, k: number): Success[] {
  const picked = scene.rng.shuffle(SUCCESSES).slice(0, k);
  if (picked.includes("workflow_published") && !picked.includes("workflow_created")) {
    picked[picked.indexOf("workflow_published")] = "workflow_created";
  }
  const created = picked.indexOf("workflow_created");
  const published = picked.indexOf("workflow_published");
  if (created > published && published !== -1) {
    picked[created] = "workflow_published";
    picked[published] = "workflow_created";
  }
  return picked;
}

function perform(scene: Scene, success: Success, workflow: { id: string }): void {
  switch (success) {
    case "workflow_created":
      workflow.id = createWorkflow(scene);
      return;
    case "workflow_published":
      publishViaSettings(scene, workflow.id);
      return;
    case "integration_connected":
      connectIntegration(scene);
      return;
    case "import_completed":
      importCsv(scene);
      return;
    case "tool_run_succeeded":
      runGoodTool(scene);
      if (scene.rng.chance(0.3)) runGoodTool(scene);
  }
}

export function happyEngaged(scene: Scene): void {
  const { w, rng } = scene;
  const start = w.now;
  const end = start + Math.round(rng.between(11, 28) * 60_000);
  // A few users arrive through a magic link that leaks an API token into the URL.
  const entry = rng.chance(0.05) ? `/app/workflows?token=sk_live_${rng.alnum(24)}` : "/app/workflows";
  w.pageview(entry, scene.utm).wait(5, 30);
  const workflow = { id: workflowId(rng) };
  for (const success of plan(scene, rng.int(1, 3))) {
    perform(scene, success, workflow);
    const pages = rng.int(0, 2);
    for (let i = 0; i < pages; i += 1) browse(scene, workflow.id);
  }
  while (w.now < end - 120_000) browse(scene, workflow.id);
  w.now = Math.max(w.now, end);
  w.leave();
}

export function happyQuick(scene: Scene): void {
  const { w, rng } = scene;
  w.pageview("/app/workflows", scene.utm).wait(5, 25);
  const id = workflowId(rng);
  const roll = rng.next();
  if (roll < 0.35) runGoodTool(scene);
  else if (roll < 0.6) {
    w.pageview(`/app/workflows/${id}/edit`).wait(10, 40);
    publishViaSettings(scene, id);
  } else if (roll < 0.85) connectIntegration(scene);
  else importCsv(scene);
  w.wait(10, 60).leave();
}
