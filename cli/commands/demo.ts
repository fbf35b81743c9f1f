import type { Command } from "commander";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { openWarehouse } from "../../warehouse/index.js";
import { ingestFile } from "../../connectors/ingest.js";
import { simulateWeek, writeSessionsJsonl, type BugName } from "../../demo/simulator/index.js";
import { resolveSettings } from "../../runtime/settings.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek, isoWeekOf, previousWeek, weekRange } from "../../runtime/week.js";
import { applyOutputFlags, type GlobalOptions } from "../globals.js";
import { ensureDemoRepo, writeDemoProfile } from "../demoRepo.js";
import { THREADS } from "../../graphs/host/threads.js";
import { acceptGates } from "../../graphs/host/gates.js";
import type { WeeklyStateType } from "../../graphs/weekly/state.js";
import { printGate } from "../render.js";
import { printWeek } from "../printWeek.js";
import { describeTranscriptStats, transcriptStats } from "../../agents/analysts/transcriptStats.js";
import { loadProfile } from "../../state/loadProfile.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { Warehouse } from "../../warehouse/types.js";
import type { Output } from "../output.js";
import { planShipping, type ShippingPlan } from "../demoPlan.js";

const profileOf = (settings: RunSettings) => loadProfile(settings.config).profile;
const WEEK_MS = 7 * 86_400_000;

interface DemoOptions {
  sessions: number;
  seed: number;
  week?: string;
  weeks: number;
  fresh?: boolean;
}

export async function run(options: DemoOptions, command: Command): Promise<void> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const out = applyOutputFlags(globals);
  const week = options.week ?? previousWeek(new Date());
  if (!isIsoWeek(week)) throw new UsageError(`--week must be an ISO week like 2026-W47, got "${week}"`);
  const { db } = resolveSettings({ db: globals.db, config: null });
  const dataDir = dirname(db);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const repo = await ensureDemoRepo(dataDir);
  const settings = resolveSettings({ db, config: writeDemoProfile(dataDir), dataDir });
  out.progress(`demo product repository: ${repo.path}${repo.created ? " (created)" : ""}`);
  // --weeks N ends with --week: the N weeks up to it, oldest first.
  const weeks = Array.from({ length: options.weeks }, (_, i) => isoWeekOf(new Date(weekRange(week).start.getTime() - (options.weeks - 1 - i) * WEEK_MS)));
  const warehouse = openWarehouse(settings.db);
  try {
    let plan: ShippingPlan | null = null;
    let last: { ingest: Awaited<ReturnType<typeof ingestFile>>; state: WeeklyStateType } | null = null;
    for (const [i, w] of weeks.entries()) {
      if (plan) for (const line of await plan.shipBefore(i)) out.say(line);
      const done = await runDemoWeek(out, settings, warehouse, w, { sessions: options.sessions, seed: options.seed + i, fixed: plan?.fixedIn(i) ?? [] });
      if (!done) return;
      last = done;
      if (i === 0 && weeks.length > 1) plan = await planShipping(warehouse, { weeks, repo: repo.path, dataDir, say: (line) => out.say(line) });
    }
    if (!last) return;
    const { ingest, state } = last;
    await out.result({ week, weeks, dataDir, ingest, ...summaryOf(state) }, async () => {
      await printWeek(out, warehouse, state, week, profileOf(settings));
      out.say(describeTranscriptStats(await transcriptStats(warehouse, profileOf(settings), week), profileOf(settings)));
      out.say(`Warehouse ${settings.db}`);
      out.say(`Product   ${repo.path} (worktrees and briefs under ${dataDir})`);
    });
  } finally {
    await warehouse.close();
  }
}

/** One simulated week: sessions (with the fixed bugs gone), ingested, and the weekly loop run with its gates accepted. */
async function runDemoWeek(out: Output, settings: RunSettings, warehouse: Warehouse, week: string, sim: { sessions: number; seed: number; fixed: BugName[] }) {
  const eventsFile = join(settings.dataDir, `demo-events-${week}.jsonl`);
  const simulated = await writeSessionsJsonl(simulateWeek({ sessions: sim.sessions, seed: sim.seed, weekStart: weekRange(week).start, fixed: sim.fixed }), eventsFile);
  out.progress(`simulated ${simulated.sessions} sessions (${simulated.events} PostHog events) of ${week}${sim.fixed.length ? `, with fixes shipped for ${sim.fixed.join(", ")}` : ""}: ${eventsFile}`);
  const ingest = await ingestFile(warehouse, eventsFile, {
    onDetected: (d) => out.progress(`detected format: ${d.format} (${d.packing}); streaming it into the warehouse in one transaction`),
  });
  out.progress(
    `ingested ${ingest.events} new events (${ingest.duplicates} already stored) into ${ingest.sessions} sessions; ` +
      `${ingest.sessionless} sessionless, ${ingest.malformed} malformed lines skipped`,
  );
  // Not interactive: the demo answers its own gates, and says so; `selfheal run` stops at them.
  const outcome = await THREADS.weekly.run(settings, week, {
    answer: acceptGates((gate) => out.say(`Human gate "${gate.action_request.action}": the demo answers it itself with "accept" (selfheal run would stop here for you).`)),
    progress: (line) => out.progress(line),
  });
  if (outcome.status === "waiting") {
    printGate(out, outcome.gate, "");
    return null;
  }
  return { ingest, state: outcome.state };
}

function summaryOf(state: WeeklyStateType) {
  return { gather: state.gatherSummary, triage: state.triageSummary, fix: state.fixSummary, verify: state.verifySummary, digest: state.digest };
}
