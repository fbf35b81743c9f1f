// The demo simulator's week, labelled per session by what its scenario means (the simulator knows each
// session's scenario), never by what an analyst makes of the events.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appDir, simulateWeek, writeSessionsJsonl, type BugName, type ScenarioName, type SimulatedSession } from "../../../demo/simulator/index.js";
import { weekRange } from "../../../runtime/week.js";
import type { Truth, TruthSession } from "../../harness/truth.js";

export const WEEK = "2026-W47";

/** Where each success event happens in Acme, by the department that owns that part of the product. */
const SUCCESS_DEPARTMENT: Record<string, string> = {
  workflow_created: "product",
  workflow_published: "product",
  integration_connected: "sales",
  import_completed: "data",
  tool_run_succeeded: "engineering",
};

/** Each bug: where users meet it, where a fix belongs (found by a line of the source), and its title. */
const BUGS: Record<BugName, { department: string; file: string; marker: string; title: string }> = {
  hubspot_scope: { department: "sales", file: "src/integrations/hubspot.ts", marker: '"crm.objects.contacts.write",', title: "HubSpot setup fails with 403: the OAuth scopes lack crm.objects.companies.read" },
  tool_timeout: { department: "engineering", file: "src/tools/runner.ts", marker: "export const TOOL_TIMEOUT_MS", title: "enrich_company always times out: the 5 s tool deadline is shorter than the provider's 6-9 s" },
  workflow_schema: { department: "product", file: "src/api/workflows.ts", marker: "config: step.config ?? null", title: "A workflow with an unconfigured step fails its response schema (config null)" },
  csv_bom: { department: "data", file: "src/import/csv.ts", marker: 'return cell.toLowerCase().replace(/ +/g, "_");', title: "CSV import rejects files saved with a byte-order mark (\\ufeffemail)" },
  rare_timezone: { department: "product", file: "src/format/dates.ts", marker: "return Math.round(Number.parseFloat", title: "The Runs tab of a workflow migrated from v1 (no timezone) throws Invalid time value" },
};

const SCHEDULING = "workflow-scheduling";
const PUBLISH = "publish-from-editor";

function lineOf(file: string, marker: string): number {
  const index = readFileSync(join(appDir(), file), "utf8").split("\n").findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`demo-acme truth: "${marker}" not found in demo/app/${file}`);
  return index + 1;
}

/**
 * The label of one session. Someone blocked by a bug failed (2); one who worked around it got part of
 * what they came for (5), except a CSV re-saved without the mark, which imported in full (7: a success
 * after an error); happy sessions are smooth successes (9); a missing or hidden feature leaves the user
 * without what they came for (3), unless they found the hidden button at last (7: they published what
 * they came to publish, a success that still names the confusing flow it fought through).
 */
function label(s: SimulatedSession): Omit<TruthSession, "anchor" | "noise" | "tags"> {
  const successes = s.events.filter((e) => e.event in SUCCESS_DEPARTMENT);
  const bug = s.scenario.startsWith("bug_") ? (s.scenario.slice(4) as BugName) : null;
  if (bug) {
    const cause = { kind: "bug" as const, id: bug };
    const department = BUGS[bug].department;
    if (successes.length === 0) return { outcome: "failure", score: 2, department, cause };
    return bug === "csv_bom" ? { outcome: "success", score: 7, department, cause } : { outcome: "partial", score: 5, department, cause };
  }
  const scenario: ScenarioName = s.scenario;
  switch (scenario) {
    case "happy_engaged":
    case "happy_quick":
      return { outcome: "success", score: 9, department: SUCCESS_DEPARTMENT[successes[0]?.event ?? ""] ?? "product", cause: null };
    case "missing_schedule":
      return { outcome: "failure", score: 3, department: "product", cause: { kind: "improvement", id: SCHEDULING } };
    case "confusing_publish":
      return successes.length
        ? { outcome: "success", score: 7, department: "product", cause: { kind: "improvement", id: PUBLISH } }
        : { outcome: "failure", score: 3, department: "product", cause: { kind: "improvement", id: PUBLISH } };
    case "bounce_wrong_product":
      return { outcome: "wrong_product", score: 5, department: "growth", cause: null };
    case "bounce":
      return { outcome: "bounce", score: 5, department: "growth", cause: null };
    default:
      throw new Error(`demo-acme truth: no label for scenario ${scenario}`);
  }
}

/** The week as a PostHog export plus its truth; `sessions` and `seed` for smaller fixtures of the same product. */
export async function generateDemoWeek(outDir: string, opts: { sessions: number; seed: number }): Promise<void> {
  const truth: Truth = {
    sessions: [],
    bugs: Object.entries(BUGS).map(([id, b]) => ({ id, title: b.title, file: b.file, line: lineOf(b.file, b.marker) })),
    improvements: [
      { id: SCHEDULING, wants: "schedule a workflow to run on its own, on a recurring basis", keywords: ["schedule", "recurring", "cron", "repeat", "every"] },
      { id: PUBLISH, wants: "publish a workflow from its editor (the greyed Publish label there looks like the button)", keywords: ["publish"] },
    ],
    noise: [],
  };
  const labelled = function* () {
    for (const s of simulateWeek({ sessions: opts.sessions, seed: opts.seed, weekStart: weekRange(WEEK).start })) {
      truth.sessions.push({ anchor: s.events[0]!.uuid, noise: [], tags: [s.scenario], ...label(s) });
      yield s;
    }
  };
  await writeSessionsJsonl(labelled(), join(outDir, "events.jsonl"));
  writeFileSync(join(outDir, "truth.json"), `${JSON.stringify(truth, null, 2)}\n`);
}

export function generate(outDir: string): Promise<void> {
  return generateDemoWeek(outDir, { sessions: 2000, seed: 42 });
}
