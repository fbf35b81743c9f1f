/** Simulated weeks for the verify tests: the demo product, with some bugs fixed from a given week on. */
import { join } from "node:path";
import { Command, INTERRUPT, isInterrupted, MemorySaver } from "@langchain/langgraph";
import { simulateWeek, writeSessionsJsonl, type BugName } from "../demo/simulator/index.js";
import { ingestFile } from "../connectors/ingest.js";
import { weekRange } from "../runtime/week.js";
import { buildGathererGraph } from "../graphs/gatherer/index.js";
import { buildPmGraph } from "../graphs/pm/index.js";
import { buildVerifyGraph } from "../graphs/verify/index.js";
import type { VerifySummary } from "../graphs/verify/state.js";
import { shipDemoFix } from "../cli/demoShipping.js";
import type { Ticket } from "../state/ticket.js";
import { withWarehouse, type DemoWeek } from "./demoWeek.js";

/** Simulates, ingests and scores one more week into the demo's warehouse. */
export async function addWeek(demo: DemoWeek, week: string, seed: number, fixed: BugName[] = []): Promise<void> {
  const file = join(demo.settings.dataDir, `events-${week}.jsonl`);
  await writeSessionsJsonl(
    (function* () {
      for (const s of simulateWeek({ sessions: 1200, seed, weekStart: weekRange(week).start, fixed })) {
        demo.scenarios.set(s.sessionId, s.scenario);
        yield s;
      }
    })(),
    file,
  );
  await withWarehouse(demo, (w) => ingestFile(w, file));
  await gather(demo, week);
}

export async function gather(demo: DemoWeek, week: string): Promise<void> {
  await buildGathererGraph().compile().invoke({ week }, { configurable: demo.configurable });
}

/** The PM on a week, its ticket gate accepted. */
export async function triageAccepted(demo: DemoWeek, week: string): Promise<void> {
  const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { ...demo.configurable, thread_id: `pm-${week}` } };
  const out = await graph.invoke({ week }, config);
  if (isInterrupted(out) && out[INTERRUPT].length) await graph.invoke(new Command({ resume: { type: "accept" } }), config);
}

export async function verify(demo: DemoWeek, week: string): Promise<VerifySummary> {
  const state = await buildVerifyGraph().compile().invoke({ week }, { configurable: demo.configurable });
  if (!state.verifySummary) throw new Error("the verify graph ended without a summary");
  return state.verifySummary;
}

/** The ticket of a simulated bug: the one whose pattern's sessions were mostly that bug's scenario. */
export async function ticketOfBug(demo: DemoWeek, week: string, bug: BugName): Promise<Ticket> {
  const patterns = await withWarehouse(demo, (w) => w.listPatterns(week));
  const pattern = patterns.find((p) => p.sessionIds.filter((id) => demo.scenarios.get(id) === `bug_${bug}`).length > p.sessions / 2);
  const ticket = pattern ? await withWarehouse(demo, (w) => w.ticketByFingerprint(pattern.fingerprint)) : null;
  if (!ticket) throw new Error(`no ticket for the ${bug} bug in ${week}`);
  return ticket;
}

/** Ships the bug's reference fix on its ticket's branch at `at`, as the demo does, closing the ticket. */
export async function shipFix(demo: DemoWeek, ticket: Ticket, bug: BugName, at: Date): Promise<void> {
  const repo = join(demo.settings.dataDir, "demo-repo");
  const said = await withWarehouse(demo, (w) => shipDemoFix(w, { ticket, bug }, { repo, dataDir: demo.settings.dataDir, at }));
  if (!said) throw new Error(`${ticket.id} was shipped already`);
}
