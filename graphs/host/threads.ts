import { buildWeeklyGraph } from "../weekly/index.js";
import type { WeeklyStateType } from "../weekly/state.js";
import { buildPmGraph } from "../pm/index.js";
import type { PmStateType } from "../pm/state.js";
import { buildSkynetGraph } from "../skynet/index.js";
import type { SkynetStateType } from "../skynet/state.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { HumanInterrupt } from "../../state/humanInterrupt.js";
import type { GateAnswerer } from "./gates.js";
import type { Warehouse } from "../../warehouse/types.js";
import { weekInputs, type ThreadInputs } from "./threadInputs.js";
import { runOnThread, waitingGate, type GraphBuilder, type GraphOutcome } from "./runOnThread.js";

export interface RunThreadOptions {
  answer: GateAnswerer;
  progress?: (line: string) => void;
}

/** One kind of checkpointed thread: what runs on it, how it is named, which gates it stops at. */
export interface ThreadKind<S, W extends string | null> {
  kind: string;
  /** The gates (HumanInterrupt actions) its graph may wait at. */
  gates: readonly string[];
  /** The thread of a week (or the kind's one thread, for a kind that spans weeks). */
  threadId(week: W): string;
  /** Runs the thread: resumes a crashed or gated run, else runs it again from the start. */
  run(settings: RunSettings, week: W, opts: RunThreadOptions): Promise<GraphOutcome<S>>;
  /** The gate the thread waits at, if any. */
  waitingGate(settings: RunSettings, threadId: string): Promise<HumanInterrupt | null>;
  /** The week a thread id names: the inverse of threadId. */
  weekOf(threadId: string): W;
}

/** Threads are named `<kind>-<key>`: the key is the week, or a fixed name for a kind that spans weeks. */
function threadKind<S, I, W extends string | null>(spec: {
  kind: string;
  gates: readonly string[];
  build: () => GraphBuilder<I>;
  /** The key of a week's thread. */
  key: (week: W) => string;
  /** The week of a thread's key. */
  week: (key: string) => W;
  input: (week: W) => I;
  /** What a week's thread is computed from (none for a kind whose inputs are its own queue). */
  inputs?: (settings: RunSettings, warehouse: Warehouse, week: W) => Promise<ThreadInputs>;
}): ThreadKind<S, W> {
  const prefix = `${spec.kind}-`;
  const weekOf = (threadId: string): W => spec.week(threadId.slice(prefix.length));
  return {
    kind: spec.kind,
    gates: spec.gates,
    threadId: (week) => `${prefix}${spec.key(week)}`,
    weekOf,
    run: (settings, week, opts) => {
      const inputs = spec.inputs;
      return runOnThread<S, I>(spec.build(), spec.input(week), {
        settings,
        threadId: `${prefix}${spec.key(week)}`,
        kind: spec.kind,
        week,
        ...opts,
        inputs: inputs ? (warehouse) => inputs(settings, warehouse, week) : undefined,
      });
    },
    waitingGate: (settings, threadId) => waitingGate(spec.build(), settings, threadId),
  };
}

const byWeek = { key: (week: string) => week, week: (key: string) => key, input: (week: string) => ({ week }), inputs: weekInputs };

/**
 * The thread registry: every kind of checkpointed thread selfheal runs. The command line, the
 * scheduler and the web app all start, list and answer threads through it, so a thread's name, its
 * graph and its gates are known in this one place.
 */
export const THREADS = {
  /** The week end to end, one thread per ISO week. */
  weekly: threadKind<WeeklyStateType, { week: string }, string>({ kind: "weekly", gates: ["file_tickets", "open_pull_request"], build: buildWeeklyGraph, ...byWeek }),
  /** The PM's thread of a week: a gate left waiting there is the one `triage --yes` answers. */
  triage: threadKind<PmStateType, { week: string }, string>({ kind: "triage", gates: ["file_tickets"], build: buildPmGraph, ...byWeek }),
  /**
   * Skynet's one thread: its queue spans days, so a PR gate left waiting on Monday is still the one
   * `fix --yes` answers on Tuesday.
   */
  fix: threadKind<SkynetStateType, Record<string, never>, null>({
    kind: "fix",
    gates: ["open_pull_request"],
    build: buildSkynetGraph,
    key: () => "queue",
    week: () => null,
    input: () => ({}),
  }),
} as const;

export type ThreadKindName = keyof typeof THREADS;

/** The registered kind of a thread id, or null for a thread selfheal did not start. */
export function threadKindOf(threadId: string): ThreadKind<unknown, string | null> | null {
  const kind = (Object.keys(THREADS) as ThreadKindName[]).find((k) => threadId.startsWith(`${k}-`));
  return kind ? (THREADS[kind] as ThreadKind<unknown, string | null>) : null;
}
