// What every scenario script gets, traffic sources, and the everyday actions
// (create a workflow, connect an app, import, run a tool, browse) they share.
import type { Rng } from "../prng.js";
import type { SessionWriter, Utm } from "../session-writer.js";
import type { ExceptionOptions } from "../stacks.js";
import { NAV, UI } from "../ui.js";

export interface Scene {
  w: SessionWriter;
  rng: Rng;
  errors: ExceptionOptions;
  /** UTM parameters of the entry pageview, if the visit came from a campaign. */
  utm: Utm | undefined;
}

export interface Traffic {
  referrer: string;
  utm?: Utm;
  /** Signed-in users carry a person (with email); visitors are anonymous. */
  identified: boolean;
}

/** How existing users arrive in the app. */
export function appTraffic(rng: Rng): Traffic {
  const roll = rng.next();
  if (roll < 0.6) return { referrer: "$direct", identified: true };
  if (roll < 0.8) {
    return {
      referrer: "https://mail.google.com/",
      identified: true,
      utm: { utm_source: "newsletter", utm_medium: "email", utm_campaign: "weekly_tips", utm_term: "workflow automation" },
    };
  }
  return { referrer: "https://www.google.com/", identified: true };
}

export const WORKFLOW_NAMES = ["Welcome new leads", "Notify sales on demo request", "Route inbound leads", "Weekly pipeline digest", "Sync webinar signups"];

export function workflowId(rng: Rng): string {
  return `wf_${rng.int(1000, 9999)}`;
}

/** Opens the workflow list and one workflow's editor. */
export function openWorkflow({ w, rng }: Scene, id: string, utm?: Utm): void {
  w.pageview("/app/workflows", utm).wait(3, 20);
  const nth = rng.int(1, WORKFLOW_NAMES.length);
  w.click(UI.workflowLink(WORKFLOW_NAMES[nth - 1] ?? "Workflow", nth)).wait(0.5, 2);
  w.pageview(`/app/workflows/${id}/edit`);
}

export function createWorkflow({ w, rng }: Scene): string {
  const id = workflowId(rng);
  w.click(NAV.workflows).pageview("/app/workflows").wait(3, 15).click(UI.newWorkflow).wait(0.5, 2);
  w.pageview(`/app/workflows/${id}/edit`).capture("workflow_created", { workflow_id: id });
  const steps = rng.int(1, 4);
  for (let i = 0; i < steps; i += 1) w.wait(10, 60).click(UI.addStep);
  return id;
}

export function publishViaSettings({ w }: Scene, id: string): void {
  w.wait(5, 30).click(UI.tab("Settings")).pageview(`/app/workflows/${id}/settings`);
  w.wait(4, 20).click(UI.settingsPublish).capture("workflow_published", { workflow_id: id });
}

export function connectIntegration({ w, rng }: Scene): void {
  w.click(NAV.integrations).pageview("/app/integrations").wait(3, 20);
  if (rng.chance(0.5)) {
    const portal = rng.int(10000, 99999);
    w.click(UI.connectHubSpot).wait(5, 25);
    w.pageview(`/app/integrations/hubspot/callback?code=${rng.alnum(24)}&state=acme-${rng.hex(8)}`).wait(2, 10);
    w.click(UI.finishSetup).wait(1, 4);
    w.capture("integration_connected", { provider: "hubspot", portal_id: portal, contacts: rng.int(10, 4000), companies: 0 });
  } else {
    w.click(UI.connectSlack).wait(4, 20).capture("integration_connected", { provider: "slack" });
  }
}

export function importCsv({ w, rng }: Scene): void {
  w.click(NAV.import).pageview("/app/import").wait(3, 20).click(UI.chooseFile).wait(3, 25);
  w.click(UI.importButton).wait(1, 4);
  w.capture("import_completed", { upload_id: `up_${rng.int(1000, 99999)}`, rows: rng.int(5, 2500) });
}

export function runGoodTool({ w, rng }: Scene): void {
  w.click(NAV.tools).pageview("/app/tools").wait(3, 20);
  const [tool, nth] = rng.chance(0.5) ? (["classify_lead", 1] as const) : (["summarize_thread", 2] as const);
  w.click(UI.runTool(tool, nth)).wait(1, 3);
  w.capture("tool_run_succeeded", { tool, run_id: `tr_${rng.hex(12)}` });
}

/** One page of looking around: a page view, some reading, maybe a click. */
export function browse({ w, rng }: Scene, id: string): void {
  const pages = [`/app/workflows/${id}/edit`, `/app/workflows/${id}/runs`, "/app/workflows", "/app/integrations", "/app/tools", "/help", "/pricing"];
  const path = rng.pick(pages);
  w.pageview(path).wait(15, 90);
  if (path.endsWith("/edit") && rng.chance(0.5)) w.click(rng.chance(0.5) ? UI.addStep : UI.testRun);
  else if (rng.chance(0.3)) w.click(rng.pick([NAV.workflows, NAV.tools, NAV.help]));
}
