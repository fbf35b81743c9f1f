import type { ServiceCounts } from "./crashWorld.js";

/** The weekly run's phases, in order; "late" is verify and review. */
export const PHASES = ["gather", "triage", "fix", "late"] as const;
export type Phase = (typeof PHASES)[number];
const STAGES = ["gather", "triage", "fix", "verify", "review"] as const;
const PHASE_OF: Record<(typeof STAGES)[number], Phase> = { gather: "gather", triage: "triage", fix: "fix", verify: "late", review: "late" };

/** The stages a run's progress says it finished, in the order it said so. */
export function stagesDone(stderr: string): string[] {
  return [...stderr.matchAll(/stage (\w+) done/g)].map((m) => m[1] ?? "");
}

/** The phase a thread is in, given the stages it finished; null once all are. */
export function phaseAfter(done: ReadonlySet<string>): Phase | null {
  const stage = STAGES.find((s) => !done.has(s));
  return stage ? PHASE_OF[stage] : null;
}

/** A phase's progress: time since it began, its requests to each service, and when each PR was approved (ms in). */
export interface Progress {
  ms: number;
  gatherer: number;
  skynet: number;
  linear: number;
  /** Linear calls since the ticket gate was answered (in this run, or before it for a run resumed past the gate). */
  filing: number;
  github: number;
  prGatesAt: number[];
}
/** What each phase of a run never killed took. */
export type Timeline = Record<Phase, Progress>;

/** What the test sees of one run while it goes: its progress lines and the requests the fakes got. */
export class RunWatch {
  phase: Phase | null;
  readonly timeline: Partial<Timeline> = {};
  private readonly done: Set<string>;
  /** When the current phase began in this process: null until the run starts (or resumes) its thread. */
  private entered: number | null = null;
  private atEntry: ServiceCounts;
  private gatesSeen = 0;
  private gatesAt: number[] = [];
  private readonly fresh: boolean;
  private linearAtGate: number | null = null;
  private ticketGatesSeen = 0;

  constructor(
    finished: ReadonlySet<string>,
    private readonly counts: () => ServiceCounts,
    /** The ticket gate was answered by an earlier run of the thread. */
    private readonly ticketGateAnswered = false,
  ) {
    this.done = new Set(finished);
    this.fresh = finished.size === 0;
    this.phase = phaseAfter(this.done);
    this.atEntry = counts();
  }

  /** Reads the progress lines so far; returns the phase the run is in now. */
  update(stderr: string): Phase | null {
    // The clock starts when the run takes its thread up (from the start, its checkpoint or the gate it waits
    // at), not while the process loads.
    if (this.entered === null && (this.fresh ? /weekly run for/ : /resuming weekly-|gate \w+: accepted/).test(stderr)) this.enter(stderr);
    const ticketGates = stderr.split("gate file_tickets: accepted").length - 1;
    if (ticketGates > this.ticketGatesSeen) {
      this.ticketGatesSeen = ticketGates;
      this.linearAtGate = this.counts().linear;
    }
    const gates = stderr.split("gate open_pull_request: accepted").length - 1;
    for (; this.gatesSeen < gates; this.gatesSeen++) this.gatesAt.push(Date.now() - (this.entered ?? Date.now()));
    for (const s of stagesDone(stderr)) this.done.add(s);
    const now = phaseAfter(this.done);
    if (now !== this.phase) {
      const p = this.progress();
      if (this.phase && p) this.timeline[this.phase] = p;
      this.phase = now;
      this.enter(stderr);
    }
    return now;
  }

  private enter(stderr: string): void {
    this.entered = Date.now();
    this.atEntry = this.counts();
    this.gatesAt = [];
    this.gatesSeen = stderr.split("gate open_pull_request: accepted").length - 1;
  }

  /** The current phase's progress in this process; null before the run has started its thread. */
  progress(): Progress | null {
    if (this.entered === null) return null;
    const c = this.counts();
    const a = this.atEntry;
    return {
      ms: Date.now() - this.entered,
      gatherer: c.models.gatherer - a.models.gatherer,
      skynet: c.models.skynet - a.models.skynet,
      linear: c.linear - a.linear,
      filing: this.linearAtGate !== null ? c.linear - this.linearAtGate : this.ticketGateAnswered ? c.linear - a.linear : 0,
      github: c.github - a.github,
      prGatesAt: [...this.gatesAt],
    };
  }
}

/** One kill point: the phase it is meant for, said plainly, and when it fires. */
export interface KillPoint {
  phase: Phase;
  what: string;
  fires(p: Progress): boolean;
}

/** A whole number in [1, n / share], at least 1. */
const within = (random: () => number, n: number, share = 1) => 1 + Math.floor(random() * Math.max(1, Math.ceil(n / share)));

/**
 * A random kill point inside a phase, scaled by what is left of that phase's work (a run never killed
 * less what the killed runs got through) and spread over the kills left for it: after the n-th model,
 * Linear or GitHub request, n ms after a PR was approved (Skynet pushing), or n ms into the phase.
 */
export function drawKillPoint(phase: Phase, left: Progress, kills: number, random: () => number): KillPoint {
  const pick = random();
  type Counted = "gatherer" | "skynet" | "filing" | "github";
  const after = (what: string, key: Counted): KillPoint => {
    const n = within(random, left[key], kills);
    return { phase, what: `${phase}: ${what} ${n}`, fires: (p) => p[key] >= n };
  };
  const at = (upTo: number): KillPoint => {
    const ms = Math.floor(random() * upTo);
    return { phase, what: `${phase}: at ${ms} ms`, fires: (p) => p.ms >= ms };
  };
  if (phase === "gather") return after("after gatherer model request", "gatherer");
  if (phase === "triage") return pick < 0.7 ? after("filing, after Linear call since the gate", "filing") : at(left.ms);
  if (phase === "fix") {
    if (pick < 0.25) return after("coding, after Skynet model request", "skynet");
    if (pick < 0.45) return after("opening the PR, after GitHub request", "github");
    if (pick < 0.8 && left.prGatesAt.length > 0) {
      const gate = within(random, left.prGatesAt.length);
      const ms = Math.floor(random() * 400);
      return { phase, what: `fix: pushing, ${ms} ms after PR approval ${gate}`, fires: (p) => p.prGatesAt[gate - 1] !== undefined && p.ms - p.prGatesAt[gate - 1]! >= ms };
    }
    return at(left.ms);
  }
  return at(left.ms / 2);
}

/** What is left of a phase's work: the clean run's, less what runs killed in it got through. */
export function workLeft(clean: Progress, spent: Progress[]): Progress {
  const sum = (key: "ms" | "gatherer" | "skynet" | "linear" | "filing" | "github") => Math.max(1, clean[key] - spent.reduce((n, p) => n + p[key], 0));
  const gates = clean.prGatesAt.length - spent.reduce((n, p) => n + p.prGatesAt.length, 0);
  return { ms: sum("ms"), gatherer: sum("gatherer"), skynet: sum("skynet"), linear: sum("linear"), filing: sum("filing"), github: sum("github"), prGatesAt: clean.prGatesAt.slice(0, Math.max(0, gates)) };
}
