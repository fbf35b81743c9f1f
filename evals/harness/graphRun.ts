import { Command, MemorySaver, type StateSnapshot } from "@langchain/langgraph";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Callbacks } from "@langchain/core/callbacks/manager";
import type { HumanResponse } from "../../state/humanInterrupt.js";
import type { Workspace } from "./workspace.js";

/** A builder as every graph folder exports it; compiled here with an in-memory checkpointer. */
interface GraphBuilder {
  compile(opts: { checkpointer: MemorySaver }): {
    invoke(input: never, config: RunnableConfig): Promise<unknown>;
    getState(config: RunnableConfig): Promise<StateSnapshot>;
  };
}

/** What the eval passes every graph: the workspace, handed-in models (scripted ones) and token counters. */
export interface RunExtras {
  models?: Partial<Record<"gatherer" | "pm" | "skynet", BaseChatModel>>;
  callbacks?: Callbacks;
}

/**
 * Runs a graph on a fresh thread to its end, answering every human gate with `answer` (the eval is
 * the human here, and says so in its report). Returns the final state's values.
 */
export async function runThroughGates<S>(builder: GraphBuilder, input: unknown, ws: Workspace, extras: RunExtras, answer: HumanResponse): Promise<S> {
  const graph = builder.compile({ checkpointer: new MemorySaver() });
  const { db, config, dataDir } = ws.settings;
  const runConfig = {
    configurable: { thread_id: `evals-${Date.now()}-${Math.random().toString(36).slice(2)}`, db, config, dataDir, models: extras.models ?? {} },
    callbacks: extras.callbacks,
    recursionLimit: 1000,
    maxConcurrency: 2,
  };
  await graph.invoke(input as never, runConfig);
  for (let gates = 0; ; gates++) {
    const snapshot = await graph.getState(runConfig);
    const waiting = snapshot.tasks.some((t) => t.interrupts.length > 0);
    if (!waiting) return snapshot.values as S;
    if (gates > 100) throw new Error("the graph kept stopping at gates: more than 100 answered");
    await graph.invoke(new Command({ resume: answer }) as never, runConfig);
  }
}
