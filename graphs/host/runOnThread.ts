import { Command, type BaseCheckpointSaver, type StateSnapshot } from "@langchain/langgraph";
import type { RunnableConfig } from "@langchain/core/runnables";
import { randomUUID } from "node:crypto";
import { openWarehouse } from "../../warehouse/index.js";
import type { RunRecord, Warehouse } from "../../warehouse/types.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { HumanInterrupt, HumanResponse } from "../../state/humanInterrupt.js";
import { configurableFor } from "./configuration.js";
import { openCheckpointer } from "./checkpointer.js";
import type { GateAnswerer } from "./gates.js";
import { endedByItsProcess, lastRunOn, settleAbandonedRuns, THIS_PROCESS } from "./runs.js";
import { recordedInputs, whyStale, type ThreadInputs } from "./threadInputs.js";
import { scrubSecrets } from "../../runtime/scrubSecrets.js";

export type GraphOutcome<S> = { status: "done"; state: S } | { status: "waiting"; gate: HumanInterrupt };

/** The part of a compiled graph the host uses, whatever its state type. */
export interface HostedGraph<I> {
  stream(input: I | null, config: RunnableConfig & { streamMode: ("updates" | "custom")[]; subgraphs: true; durability: "sync" }): Promise<AsyncIterable<unknown>>;
  getState(config: RunnableConfig, options?: { subgraphs?: boolean }): Promise<StateSnapshot>;
}

/** A graph builder the host compiles with its checkpointer. */
export interface GraphBuilder<I> {
  compile(opts: { checkpointer: BaseCheckpointSaver }): HostedGraph<I>;
}

export interface ThreadRun {
  settings: RunSettings;
  threadId: string;
  /** The thread's kind, as the runs table records it. */
  kind: string;
  week: string | null;
  answer: GateAnswerer;
  progress?: (line: string) => void;
  /** What the thread is computed from, recorded with each run; a gate or crashed run on other inputs starts over. */
  inputs?: (warehouse: Warehouse) => Promise<ThreadInputs>;
}

/**
 * Runs a graph on a checkpointed thread of the settings' warehouse and drives its human gates. A
 * thread that stopped mid-run (a crash) is resumed from its checkpoint; one waiting at a gate is
 * resumed with the answer; a finished one runs again from the start (every stage is idempotent), unless
 * it finished in a run whose process was killed before it could say so: that run's outcome stands. One
 * warehouse connection serves the whole run: its nodes and its record in the runs table.
 */
export async function runOnThread<S, I>(builder: GraphBuilder<I>, input: I, run: ThreadRun): Promise<GraphOutcome<S>> {
  const warehouse = openWarehouse(run.settings.db);
  const checkpointer = await openCheckpointer(warehouse.location).catch(async (err: unknown) => {
    await warehouse.close();
    throw err;
  });
  const runId = randomUUID();
  try {
    for (const killed of await settleAbandonedRuns(warehouse)) {
      if (killed.thread === run.threadId) run.progress?.(`the run of ${run.threadId} started at ${killed.startedAt} was interrupted: its process ended before it finished`);
    }
    const inputs = (await run.inputs?.(warehouse)) ?? null;
    const last = await lastRunOn(warehouse, run.threadId);
    const stale = inputs ? whyStale(recordedInputs(last), inputs) : null;
    await warehouse.startRun({ id: runId, kind: run.kind, week: run.week, thread: run.threadId, ...THIS_PROCESS, summary: { threadId: run.threadId, inputs } });
    try {
      const graph = builder.compile({ checkpointer: checkpointer.saver });
      const answer = stale ? await startOver(graph, checkpointer.saver, run, stale) : run.answer;
      const killed = !stale && last && endedByItsProcess(last) ? last : null;
      const outcome = await driveThread<S, I>(graph, input, { ...run, answer }, { runId, warehouse, killed });
      const summary = { threadId: run.threadId, gate: outcome.status === "waiting" ? outcome.gate.action_request.action : null, inputs };
      await warehouse.finishRun(runId, outcome.status === "done" ? "succeeded" : "interrupted", summary);
      return outcome;
    } catch (err) {
      await warehouse.finishRun(runId, "failed", { threadId: run.threadId, error: scrubSecrets((err as Error).message), inputs });
      throw err;
    }
  } finally {
    await checkpointer.close();
    await warehouse.close();
  }
}

/**
 * Forgets a thread stopped midway (at a gate, or killed) that was computed from other inputs than
 * today's, saying why, so it runs again from the start. Its first gate then waits for a person
 * whatever the answerer: an answer given to the stale proposal (or `--yes`, given before the new one
 * was seen) must not accept a proposal nobody read.
 */
async function startOver<I>(graph: HostedGraph<I>, saver: BaseCheckpointSaver, run: ThreadRun, why: string): Promise<GateAnswerer> {
  const before = await graph.getState({ configurable: { thread_id: run.threadId } });
  // A finished thread runs again from the start anyway; only one stopped midway holds stale work.
  if (before.next.length === 0) return run.answer;
  await saver.deleteThread(run.threadId);
  run.progress?.(`${run.threadId} was computed before ${why}: it starts again from the beginning, and its gate waits for a fresh answer`);
  let first = true;
  return (gate) => (first ? ((first = false), null) : run.answer(gate));
}

/** The gate a thread of the settings' warehouse waits at, if any, without running anything. */
export async function waitingGate<I>(builder: GraphBuilder<I>, settings: RunSettings, threadId: string): Promise<HumanInterrupt | null> {
  const checkpointer = await openCheckpointer(settings.db);
  try {
    return pendingGate(await builder.compile({ checkpointer: checkpointer.saver }).getState({ configurable: { thread_id: threadId } }, WITH_SUBGRAPHS));
  } finally {
    await checkpointer.close();
  }
}

/** What a thread's run works with: its id, its warehouse, and the thread's last run if its process was killed. */
interface DriveIds {
  runId: string;
  warehouse: Warehouse;
  killed: RunRecord | null;
}

async function driveThread<S, I>(graph: HostedGraph<I>, input: I, run: ThreadRun, ids: DriveIds): Promise<GraphOutcome<S>> {
  const config = {
    configurable: { ...configurableFor(run.settings, { warehouse: ids.warehouse }), thread_id: run.threadId },
    runId: ids.runId,
    recursionLimit: 1000,
  };
  let next: I | null = input;
  let snapshot = await graph.getState(config, WITH_SUBGRAPHS);
  if (ids.killed && finishedDuring(snapshot, ids.killed)) {
    // Starting over would do the week's work a second time (Skynet taking the next tickets, say).
    run.progress?.(`${run.threadId} had finished in the run started at ${ids.killed.startedAt}, killed before it could say so: nothing runs again`);
    return { status: "done", state: snapshot.values as S };
  }
  if (pendingGate(snapshot)) next = null;
  else if (snapshot.next.length > 0) {
    run.progress?.(`resuming ${run.threadId} from its last checkpoint`);
    next = null;
  }
  for (;;) {
    const gate = pendingGate(snapshot);
    if (gate && next === null) {
      const answer = run.answer(gate);
      if (!answer) return { status: "waiting", gate };
      next = resumeWith<I>(answer);
    }
    // "sync": a step's checkpoint is stored before the next step starts, so a process killed in one stage
    // (with a checkpointer that writes over a network, as Postgres's does) never redoes the stage before it.
    const stream = await graph.stream(next, { ...config, streamMode: ["updates", "custom"], subgraphs: true, durability: "sync" });
    for await (const chunk of stream) report(chunk, run.progress);
    snapshot = await graph.getState(config, WITH_SUBGRAPHS);
    next = null;
    if (!pendingGate(snapshot)) return { status: "done", state: snapshot.values as S };
  }
}

/** Whether a thread's last checkpoint is a finished one, written while the given run ran. */
function finishedDuring(snapshot: StateSnapshot, run: RunRecord): boolean {
  if (snapshot.next.length > 0 || !snapshot.createdAt) return false;
  return Date.parse(snapshot.createdAt) >= Date.parse(run.startedAt);
}

/** A resume command, typed to go where any graph's input goes (it names no node and updates no key). */
function resumeWith<I>(answer: HumanResponse): I {
  return new Command<unknown, Record<string, never>, never>({ resume: answer }) as I;
}

/** Snapshots with each subgraph's own state: where a stage really stands, not where its parent last saw it. */
const WITH_SUBGRAPHS = { subgraphs: true };

/**
 * The gate a thread is waiting at. A stage's own state decides: its parent keeps the interrupt it saw
 * until the whole stage ends, so a stage killed after its gate was answered (while filing the tickets)
 * would otherwise ask the same question again.
 */
function pendingGate(snapshot: StateSnapshot): HumanInterrupt | null {
  for (const task of snapshot.tasks) {
    if (task.state && "tasks" in task.state) {
      const inner = pendingGate(task.state);
      if (inner) return inner;
      continue;
    }
    const value = task.interrupts[0]?.value;
    if (value) return value as HumanInterrupt;
  }
  return null;
}

/** Stage completions of the top graph and the nodes' own progress events, as lines. */
function report(chunk: unknown, progress: ((line: string) => void) | undefined): void {
  if (!progress || !Array.isArray(chunk)) return;
  const [namespace, mode, data] = chunk as [string[], string, unknown];
  if (mode === "updates" && namespace.length === 0 && data && typeof data === "object") {
    for (const node of Object.keys(data)) if (!node.startsWith("__")) progress(`stage ${node} done`);
  } else if (mode === "custom" && data && typeof data === "object") {
    const event = data as { stage?: string; scored?: number };
    if (event.stage === "gather" && event.scored !== undefined) progress(`gather: batch of ${event.scored} sessions scored`);
  }
}
