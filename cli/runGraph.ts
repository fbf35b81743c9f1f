import { Command, type StateSnapshot } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import type { RunnableConfig } from "@langchain/core/runnables";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { openWarehouse } from "../warehouse/index.js";
import type { RunSettings } from "../runtime/settings.js";
import type { HumanInterrupt, HumanResponse } from "../state/humanInterrupt.js";

/** How a pending gate is answered: a response, or null to stop there and leave it pending. */
export type GateAnswerer = (gate: HumanInterrupt) => HumanResponse | null;

export type GraphOutcome<S> = { status: "done"; state: S } | { status: "waiting"; gate: HumanInterrupt };

/** The part of a compiled graph the runner uses, whatever its state type. */
interface RunnableGraph<I> {
  stream(input: I | null, config: RunnableConfig & { streamMode: ("updates" | "custom")[]; subgraphs: true }): Promise<AsyncIterable<unknown>>;
  getState(config: RunnableConfig): Promise<StateSnapshot>;
}

export function checkpointer(settings: RunSettings): SqliteSaver {
  mkdirSync(settings.dataDir, { recursive: true });
  return SqliteSaver.fromConnString(join(settings.dataDir, "checkpoints.db"));
}

/** A resume command, typed to go where any graph's input goes (it names no node and updates no key). */
function resumeWith<I>(answer: HumanResponse): I {
  return new Command<unknown, Record<string, never>, never>({ resume: answer }) as I;
}

/**
 * Runs a graph on a checkpointed thread and drives its human gates. A thread that stopped mid-run
 * (a crash) is resumed from its checkpoint; one waiting at a gate is resumed with the answer; a
 * finished one runs again from the start (every stage is idempotent). Progress goes to `progress`.
 */
export async function runOnThread<S, I = unknown>(
  builder: { compile(opts: { checkpointer: SqliteSaver }): RunnableGraph<I> },
  input: I,
  opts: { settings: RunSettings; threadId: string; answer: GateAnswerer; progress?: (line: string) => void; week?: string },
): Promise<GraphOutcome<S>> {
  const runId = randomUUID();
  const kind = opts.threadId.split("-")[0] ?? opts.threadId;
  await recordRun(opts.settings, (w) => w.startRun({ id: runId, kind, week: opts.week ?? null }));
  try {
    const outcome = await driveThread<S, I>(builder, input, { ...opts, runId });
    const summary = { threadId: opts.threadId, gate: outcome.status === "waiting" ? outcome.gate.action_request.action : null };
    await recordRun(opts.settings, (w) => w.finishRun(runId, outcome.status === "done" ? "succeeded" : "interrupted", summary));
    return outcome;
  } catch (err) {
    await recordRun(opts.settings, (w) => w.finishRun(runId, "failed", { threadId: opts.threadId, error: (err as Error).message }));
    throw err;
  }
}

/** The runs table: who ran what, when, and how it ended. */
async function recordRun(settings: RunSettings, write: (w: ReturnType<typeof openWarehouse>) => Promise<void>): Promise<void> {
  const warehouse = openWarehouse(settings.db);
  try {
    await write(warehouse);
  } finally {
    await warehouse.close();
  }
}

async function driveThread<S, I>(
  builder: { compile(opts: { checkpointer: SqliteSaver }): RunnableGraph<I> },
  input: I,
  opts: { settings: RunSettings; threadId: string; answer: GateAnswerer; progress?: (line: string) => void; runId: string },
): Promise<GraphOutcome<S>> {
  const graph = builder.compile({ checkpointer: checkpointer(opts.settings) });
  const { settings } = opts;
  const config = {
    configurable: { thread_id: opts.threadId, db: settings.db, config: settings.config, dataDir: settings.dataDir },
    runId: opts.runId,
    recursionLimit: 1000,
  };
  let next: I | null = input;
  let snapshot = await graph.getState(config);
  if (pendingGate(snapshot)) next = null;
  else if (snapshot.next.length > 0) {
    opts.progress?.(`resuming ${opts.threadId} from its last checkpoint`);
    next = null;
  }
  for (;;) {
    const gate = pendingGate(snapshot);
    if (gate && next === null) {
      const answer = opts.answer(gate);
      if (!answer) return { status: "waiting", gate };
      next = resumeWith<I>(answer);
    }
    const stream = await graph.stream(next, { ...config, streamMode: ["updates", "custom"], subgraphs: true });
    for await (const chunk of stream) report(chunk, opts.progress);
    snapshot = await graph.getState(config);
    next = null;
    if (!pendingGate(snapshot)) return { status: "done", state: snapshot.values as S };
  }
}

/** The gate a thread is waiting at, if any, without running anything. */
export async function waitingGate<I>(
  builder: { compile(opts: { checkpointer: SqliteSaver }): RunnableGraph<I> },
  settings: RunSettings,
  threadId: string,
): Promise<HumanInterrupt | null> {
  const graph = builder.compile({ checkpointer: checkpointer(settings) });
  return pendingGate(await graph.getState({ configurable: { thread_id: threadId } }));
}

/** The gate a thread is waiting at, searched through its subgraphs' tasks too. */
function pendingGate(snapshot: StateSnapshot): HumanInterrupt | null {
  for (const task of snapshot.tasks) {
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
    if (event.stage === "gather") progress(`gather: batch of ${event.scored ?? 0} sessions scored`);
  }
}
