// Sessions that hit one of the app's bugs: the error, often a rage click and a
// retry or two, then the user leaves within a minute or two; a few recover.
import { exceptionEntry, type BugName } from "../stacks.js";
import { UI } from "../ui.js";
import { openWorkflow, workflowId, type Scene } from "./common.js";

function fail(scene: Scene, bug: BugName, message: string): void {
  scene.w.exception(exceptionEntry(bug, message, scene.errors));
}

export function hubspotScope(scene: Scene): void {
  const { w, rng } = scene;
  const portal = rng.int(10000, 99999);
  const message = `HubSpot request GET /crm/v3/objects/companies failed with 403: missing scope crm.objects.companies.read (portal ${portal})`;
  w.pageview("/app/integrations", scene.utm).wait(4, 20).click(UI.connectHubSpot).wait(5, 30);
  w.pageview(`/app/integrations/hubspot/callback?code=${rng.alnum(24)}&state=acme-${rng.hex(8)}`).wait(2, 8);
  w.click(UI.syncCompanies).wait(1, 4).click(UI.finishSetup);
  fail(scene, "hubspot_scope", message);
  if (rng.chance(0.65)) {
    w.wait(1, 4).rageclick(UI.finishSetup);
    fail(scene, "hubspot_scope", message);
  }
  for (let i = rng.int(0, 2); i > 0; i -= 1) {
    w.wait(5, 25).click(UI.finishSetup);
    fail(scene, "hubspot_scope", message);
  }
  if (rng.chance(0.12)) {
    // Unticking "Sync companies" avoids the failing call.
    w.wait(5, 20).click(UI.syncCompanies).click(UI.finishSetup).wait(1, 3);
    w.capture("integration_connected", { provider: "hubspot", portal_id: portal, contacts: rng.int(10, 4000), companies: 0 });
  }
  w.wait(5, 40).leave();
}

export function toolTimeout(scene: Scene): void {
  const { w, rng } = scene;
  const button = UI.runTool("enrich_company", 3);
  const timeOut = (): void => {
    w.wait(5, 5.3);
    fail(scene, "tool_timeout", `Tool enrich_company timed out after 5000ms (run tr_${rng.hex(12)})`);
  };
  w.pageview("/app/tools", scene.utm).wait(3, 20).click(button);
  timeOut();
  if (rng.chance(0.5)) {
    w.wait(1, 3).rageclick(button);
    timeOut();
  }
  for (let i = rng.int(1, 2); i > 0; i -= 1) {
    w.wait(3, 15).click(button);
    timeOut();
  }
  if (rng.chance(0.1)) {
    w.wait(5, 20).click(UI.runTool("classify_lead", 1)).wait(1, 2);
    w.capture("tool_run_succeeded", { tool: "classify_lead", run_id: `tr_${rng.hex(12)}` });
  }
  w.wait(5, 30).leave();
}

export function workflowSchema(scene: Scene): void {
  const { w, rng } = scene;
  const id = workflowId(rng);
  const message = `GET /api/workflows/${id} response failed schema: steps[${rng.int(1, 5)}].config expected object, got null`;
  openWorkflow(scene, id, scene.utm);
  fail(scene, "workflow_schema", message);
  // The editor stays empty: clicks on its toolbar do nothing.
  if (rng.chance(0.6)) w.wait(2, 8).deadClick(UI.addStep);
  if (rng.chance(0.5)) w.wait(1, 3).rageclick(UI.addStep);
  for (let i = rng.int(0, 2); i > 0; i -= 1) {
    w.wait(3, 15).pageview(`/app/workflows/${id}/edit`);
    fail(scene, "workflow_schema", message);
  }
  if (rng.chance(0.1)) {
    w.wait(5, 20).pageview("/app/workflows").wait(3, 10).click(UI.newWorkflow);
    w.capture("workflow_created", { workflow_id: workflowId(rng) });
  }
  w.wait(5, 40).leave();
}

const CSV_COLUMNS: readonly string[][] = [["name"], ["first_name", "last_name", "company"], ["name", "company", "phone"]];

export function csvBom(scene: Scene): void {
  const { w, rng } = scene;
  const others = rng.pick(CSV_COLUMNS).map((column) => `"${column}"`).join(", ");
  const importFails = (): void => {
    const upload = `up_${rng.int(1000, 99999)}`;
    fail(scene, "csv_bom", `Missing required column "email" in upload ${upload} (found: "\\ufeffemail", ${others})`);
  };
  w.pageview("/app/import", scene.utm).wait(3, 20).click(UI.chooseFile).wait(3, 25).click(UI.importButton);
  importFails();
  if (rng.chance(0.55)) {
    w.wait(1, 3).rageclick(UI.importButton);
    importFails();
  }
  for (let i = rng.int(0, 2); i > 0; i -= 1) {
    w.wait(4, 30).click(UI.chooseFile).wait(2, 10).click(UI.importButton);
    importFails();
  }
  if (rng.chance(0.15)) {
    // Re-saved from the spreadsheet as plain CSV, without the byte-order mark.
    w.wait(30, 90).click(UI.chooseFile).wait(2, 10).click(UI.importButton).wait(1, 3);
    w.capture("import_completed", { upload_id: `up_${rng.int(1000, 99999)}`, rows: rng.int(5, 2500) });
  }
  w.wait(5, 40).leave();
}

/** Only workflows migrated from Acme v1 (no timezone) break their Runs tab. */
export function rareTimezone(scene: Scene): void {
  const { w, rng } = scene;
  const id = workflowId(rng);
  w.pageview(`/app/workflows/${id}/edit`, scene.utm).wait(5, 30).click(UI.tab("Runs"));
  w.pageview(`/app/workflows/${id}/runs`);
  fail(scene, "rare_timezone", "Invalid time value");
  w.wait(3, 10).pageview(`/app/workflows/${id}/runs`);
  fail(scene, "rare_timezone", "Invalid time value");
  w.wait(5, 30).leave();
}
