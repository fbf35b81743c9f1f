import { hostname } from "node:os";
import type { RunRecord, Warehouse } from "../../warehouse/types.js";

/** This process, as the runs table records who runs a run. */
export const THIS_PROCESS = { pid: process.pid, host: hostname() };

const ENDED = "its process ended before the run finished (killed or crashed); the thread resumes from its last checkpoint";

/**
 * A run still marked running whose process is gone. Only a run of this machine can be checked (its
 * process id means nothing elsewhere); a process id that is alive (or not ours to signal) is running.
 */
function abandoned(run: RunRecord): boolean {
  if (run.status !== "running" || run.pid === null || run.host !== THIS_PROCESS.host || run.pid === THIS_PROCESS.pid) return false;
  try {
    process.kill(run.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Records every run whose process was killed (SIGKILL, a crash, a reboot) as interrupted, with why,
 * instead of running forever; returns those it recorded.
 */
export async function settleAbandonedRuns(warehouse: Warehouse, limit = 50): Promise<RunRecord[]> {
  const settled: RunRecord[] = [];
  for (const run of (await warehouse.listRuns(limit)).filter(abandoned)) {
    const summary = { ...(run.summary && typeof run.summary === "object" ? run.summary : {}), threadId: run.thread, reason: ENDED };
    await warehouse.finishRun(run.id, "interrupted", summary);
    settled.push({ ...run, status: "interrupted", summary });
  }
  return settled;
}

/** Whether a run was recorded as interrupted because its process ended, not because it waits at a gate. */
export function endedByItsProcess(run: RunRecord): boolean {
  return run.status === "interrupted" && (run.summary as { reason?: unknown } | null)?.reason === ENDED;
}

/** The latest run recorded on a thread, if any. */
export async function lastRunOn(warehouse: Warehouse, threadId: string): Promise<RunRecord | null> {
  return (await warehouse.listRuns(500)).find((r) => r.thread === threadId) ?? null;
}

/** The runs table, newest first, as it is: every reader of runs reads them here, so none sees a dead run running. */
export async function listRuns(warehouse: Warehouse, limit = 50): Promise<RunRecord[]> {
  await settleAbandonedRuns(warehouse, limit);
  return warehouse.listRuns(limit);
}
