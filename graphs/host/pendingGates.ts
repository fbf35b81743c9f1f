import { openWarehouse } from "../../warehouse/index.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { HumanInterrupt, HumanResponse } from "../../state/humanInterrupt.js";
import { UsageError } from "../../runtime/errors.js";
import { checkedAnswer } from "./gates.js";
import { listRuns } from "./runs.js";
import { threadKindOf, type RunThreadOptions } from "./threads.js";
import type { GraphOutcome } from "./runOnThread.js";

export interface PendingGate {
  threadId: string;
  gate: HumanInterrupt;
}

/**
 * Threads of the settings' warehouse waiting at a human gate. The runs table names the threads whose
 * last run stopped at one; each is then checked against its checkpoint, so an answered gate is never
 * offered twice.
 */
export async function pendingGates(settings: RunSettings): Promise<PendingGate[]> {
  const warehouse = openWarehouse(settings.db);
  const threads = new Set<string>();
  try {
    for (const run of await listRuns(warehouse, 500)) {
      const threadId = (run.summary as { threadId?: unknown } | null)?.threadId;
      if (run.status === "interrupted" && typeof threadId === "string") threads.add(threadId);
    }
  } finally {
    await warehouse.close();
  }
  const pending: PendingGate[] = [];
  for (const threadId of threads) {
    const gate = await threadKindOf(threadId)?.waitingGate(settings, threadId);
    if (gate) pending.push({ threadId, gate });
  }
  return pending;
}

/**
 * Answers the gate a thread waits at, once the answer is checked against the gate (usage error
 * otherwise, nothing resumed), and lets the thread run on to its end or its next gate.
 */
export function answerGate(
  settings: RunSettings,
  target: PendingGate,
  answer: HumanResponse,
  opts: Omit<RunThreadOptions, "answer"> = {},
): Promise<GraphOutcome<unknown>> {
  const kind = threadKindOf(target.threadId);
  if (!kind) throw new UsageError(`not a selfheal thread: ${target.threadId}`);
  const checked = checkedAnswer(target.gate, answer, target.threadId);
  let given = false;
  // This gate only: a later gate the thread reaches waits for its own answer.
  const once = () => (given ? null : ((given = true), checked));
  return kind.run(settings, kind.weekOf(target.threadId), { ...opts, answer: once });
}
