import { describe, it, expect } from "vitest";
import { Annotation, StateGraph } from "@langchain/langgraph";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { resolveSettings } from "../../runtime/settings.js";
import { tempDir } from "../../testing/events.js";
import { openWarehouse } from "../../warehouse/index.js";
import { openCheckpointer } from "./checkpointer.js";
import { leaveGates } from "./gates.js";
import { runOnThread } from "./runOnThread.js";
import { THIS_PROCESS } from "./runs.js";

const State = Annotation.Root({ done: Annotation<number> });
const THREAD = "work-2026-W47";

/** A one-node graph whose node counts its calls: the work a second start would do again. */
function countingGraph(calls: { n: number }) {
  return new StateGraph(State)
    .addNode("work", () => ({ done: ++calls.n }))
    .addEdge("__start__", "work")
    .addEdge("work", "__end__");
}

describe("a thread that finished in a run whose process was killed before it recorded so", () => {
  it("is not run again by the next run, which reports its outcome; the run after that starts it over", async () => {
    const settings = resolveSettings({ db: join(tempDir(), "warehouse.db"), config: null });
    const calls = { n: 0 };
    const graph = countingGraph(calls);

    // A run's process killed between the thread's last checkpoint and finishing its record: it is left
    // "running", under a process id that no longer exists on this machine.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const warehouse = openWarehouse(settings.db);
    await warehouse.startRun({ id: "killed", kind: "work", week: "2026-W47", thread: THREAD, pid: dead, host: THIS_PROCESS.host, summary: { threadId: THREAD } });
    const checkpointer = await openCheckpointer(warehouse.location);
    await graph.compile({ checkpointer: checkpointer.saver }).invoke({}, { configurable: { thread_id: THREAD } });
    await checkpointer.close();
    await warehouse.close();
    expect(calls.n).toBe(1);

    const lines: string[] = [];
    const run = { settings, threadId: THREAD, kind: "work", week: "2026-W47", answer: leaveGates, progress: (l: string) => lines.push(l) };
    const next = await runOnThread<{ done: number }, object>(graph, {}, run);
    expect(next).toEqual({ status: "done", state: { done: 1 } });
    expect(calls.n).toBe(1);
    expect(lines.join("\n")).toMatch(/work-2026-W47 had finished in the run started at \S+, killed before it could say so: nothing runs again/);

    const again = await runOnThread<{ done: number }, object>(graph, {}, { ...run, progress: undefined });
    expect(again).toEqual({ status: "done", state: { done: 2 } });
    expect(calls.n).toBe(2);

    const reopened = openWarehouse(settings.db);
    const runs = await reopened.listRuns();
    await reopened.close();
    expect(runs.map((r) => [r.id === "killed" ? "killed" : "later", r.status])).toEqual([
      ["later", "succeeded"],
      ["later", "succeeded"],
      ["killed", "interrupted"],
    ]);
  });

  it("killed before it wrote a checkpoint: the next run does the finished thread over, as after any finished run", async () => {
    const settings = resolveSettings({ db: join(tempDir(), "warehouse.db"), config: null });
    const calls = { n: 0 };
    const graph = countingGraph(calls);
    // An earlier run finished the thread; a later one was killed before it wrote a checkpoint.
    expect(await runOnThread(graph, {}, { settings, threadId: THREAD, kind: "work", week: "2026-W47", answer: leaveGates })).toMatchObject({ status: "done" });
    await new Promise((r) => setTimeout(r, 5));
    const warehouse = openWarehouse(settings.db);
    await warehouse.startRun({ id: "killed", kind: "work", week: "2026-W47", thread: THREAD, pid: spawnSync(process.execPath, ["-e", ""]).pid, host: THIS_PROCESS.host });
    await warehouse.close();

    expect(await runOnThread(graph, {}, { settings, threadId: THREAD, kind: "work", week: "2026-W47", answer: leaveGates })).toEqual({ status: "done", state: { done: 2 } });
    expect(calls.n).toBe(2);
  });
});
