import { buildWeeklyGraph } from "../graphs/weekly/index.js";
import { buildPmGraph } from "../graphs/pm/index.js";
import { buildSkynetGraph } from "../graphs/skynet/index.js";
import type { RunSettings } from "../runtime/settings.js";
import type { Warehouse } from "../warehouse/types.js";
import type { HumanInterrupt } from "../state/humanInterrupt.js";
import { runOnThread, waitingGate, type GateAnswerer, type GraphOutcome } from "./runGraph.js";

/**
 * Skynet's one thread: its queue spans days, so a PR gate left waiting on Monday is still the one
 * `fix --yes` answers on Tuesday.
 */
export const FIX_THREAD = "fix-queue";

/** The PM's thread of a week: a gate left waiting there is the one `triage --yes` answers. */
export function triageThreadId(week: string): string {
  return `triage-${week}`;
}

/** The kinds of checkpointed thread the CLI starts, named `<kind>-<key>`. */
const KINDS = ["weekly", "triage", "fix"] as const;
type ThreadKind = (typeof KINDS)[number];

function kindOf(threadId: string): ThreadKind | null {
  const kind = threadId.split("-")[0];
  return KINDS.find((k) => k === kind) ?? null;
}

/** The gate a thread waits at, asked of the graph that runs on it (one call per graph: their types differ). */
function gateOf(kind: ThreadKind, settings: RunSettings, threadId: string): Promise<HumanInterrupt | null> {
  switch (kind) {
    case "weekly":
      return waitingGate(buildWeeklyGraph(), settings, threadId);
    case "triage":
      return waitingGate(buildPmGraph(), settings, threadId);
    case "fix":
      return waitingGate(buildSkynetGraph(), settings, threadId);
  }
}

export interface PendingGate {
  threadId: string;
  gate: HumanInterrupt;
}

/**
 * Threads waiting at a human gate. The runs table names the threads whose last run stopped at one;
 * each is then checked against its checkpoint, so an answered gate is never offered twice.
 */
export async function pendingGates(warehouse: Warehouse, settings: RunSettings): Promise<PendingGate[]> {
  const threads = new Set<string>();
  for (const run of await warehouse.listRuns(500)) {
    const threadId = (run.summary as { threadId?: unknown } | null)?.threadId;
    if (run.status === "interrupted" && typeof threadId === "string") threads.add(threadId);
  }
  const pending: PendingGate[] = [];
  for (const threadId of threads) {
    const kind = kindOf(threadId);
    if (!kind) continue;
    const gate = await gateOf(kind, settings, threadId);
    if (gate) pending.push({ threadId, gate });
  }
  return pending;
}

/** Answers the gate a thread waits at and lets the thread run on to its end or its next gate. */
export function resumeThread(settings: RunSettings, threadId: string, answer: GateAnswerer, progress?: (line: string) => void): Promise<GraphOutcome<unknown>> {
  const opts = { settings, threadId, answer, progress };
  switch (kindOf(threadId)) {
    case "weekly":
      return runOnThread<unknown>(buildWeeklyGraph(), {}, opts);
    case "triage":
      return runOnThread<unknown>(buildPmGraph(), {}, opts);
    case "fix":
      return runOnThread<unknown>(buildSkynetGraph(), {}, opts);
    case null:
      throw new Error(`not a selfheal thread: ${threadId}`);
  }
}
