// Sessions that point at product improvements rather than bugs.
import { NAV, UI } from "../ui.js";
import { workflowId, type Scene } from "./common.js";

/** Phrases users try when looking for scheduled / recurring workflows, which Acme lacks. */
export const SCHEDULE_QUERIES: readonly string[] = [
  "schedule workflow",
  "run every monday",
  "recurring workflow",
  "repeat workflow weekly",
  "run workflow every day at 9am",
  "cron",
  "schedule",
  "recurring",
];

/** Looks for a way to schedule a workflow, searches help, finds nothing, leaves. */
export function missingSchedule(scene: Scene): void {
  const { w, rng } = scene;
  const id = workflowId(rng);
  w.pageview(`/app/workflows/${id}/edit`, scene.utm).wait(10, 60);
  w.click(UI.tab("Settings")).pageview(`/app/workflows/${id}/settings`).wait(8, 40);
  w.click(NAV.help).pageview("/help").wait(4, 20);
  for (const query of rng.shuffle(SCHEDULE_QUERIES).slice(0, rng.int(1, 3))) {
    w.click(UI.helpSearch).pageview(`/help/search?${new URLSearchParams({ q: query }).toString()}`);
    w.capture("help_searched", { query, results: 0 }).wait(4, 20);
  }
  w.wait(2, 15).leave();
}

/**
 * "Publish" is a greyed label in the editor; the real button is on the settings page.
 * Users click the label, bounce between editor and settings, and some find it.
 */
export function confusingPublish(scene: Scene): void {
  const { w, rng } = scene;
  const id = workflowId(rng);
  const edit = `/app/workflows/${id}/edit`;
  const settings = `/app/workflows/${id}/settings`;
  w.pageview(edit, scene.utm).wait(10, 60).click(UI.addStep).wait(10, 50);
  const loops = rng.int(2, 4);
  for (let loop = 1; loop <= loops; loop += 1) {
    w.deadClick(UI.editorPublish);
    if (rng.chance(0.3)) w.rageclick(UI.editorPublish);
    w.wait(2, 10).click(UI.tab("Settings")).pageview(settings).wait(5, 25);
    if (loop === loops && rng.chance(0.45)) {
      w.click(UI.settingsPublish).capture("workflow_published", { workflow_id: id }).wait(5, 20);
      break;
    }
    w.click(UI.tab("Editor")).pageview(edit).wait(3, 15);
  }
  w.wait(3, 20).leave();
}
