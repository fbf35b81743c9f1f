// One simulated PostHog session in the making: its events, the noise it carries, its label.
import type { Rng } from "../../../demo/simulator/prng.js";
import { addWebNoise, type AbortedFetch, type WebNoiseId } from "./noise.js";
import type { PostHogSession } from "./posthog.js";
import type { Label, TruthSession } from "./truth.js";

/** The noise error a session carries: emitted mid-session, or (a request cut off) just before leaving. */
export interface SessionNoise {
  id: string;
  atLeave: boolean;
  emit(): void;
}

export function webNoise(session: PostHogSession, id: WebNoiseId | null, abortedFetch: AbortedFetch): SessionNoise | null {
  return id ? { id, atLeave: id === "aborted-fetch", emit: () => addWebNoise(session, id, abortedFetch) } : null;
}

/** What a scene needs of a session, whatever the source: its anchor event and a way to end it. */
export interface SourceSession {
  readonly anchor: string;
  end(): unknown;
}

export class Scene<S extends SourceSession = PostHogSession> {
  private readonly noise: string[] = [];

  constructor(
    readonly rng: Rng,
    readonly s: S,
    private readonly carried: SessionNoise | null,
  ) {}

  /** Where a scenario allows it, the session's noise error (unless it belongs at the end). */
  midNoise(): this {
    if (this.carried && !this.carried.atLeave && this.noise.length === 0) this.record(this.carried);
    return this;
  }

  /** The user leaves (the page, or the app to the background); a request may be cut off first. */
  leave(): this {
    if (this.carried?.atLeave && this.noise.length === 0) this.record(this.carried);
    this.s.end();
    return this;
  }

  private record(noise: SessionNoise): void {
    noise.emit();
    this.noise.push(noise.id);
  }

  label(label: Omit<Label, "noise">): TruthSession {
    return { anchor: this.s.anchor, ...label, noise: [...this.noise] };
  }
}

export type Scenario<S extends SourceSession = PostHogSession> = (scene: Scene<S>) => TruthSession;

/** A scenario and how many sessions of it the week holds. */
export interface Planned<S extends SourceSession = PostHogSession> {
  count: number;
  run: Scenario<S>;
}

/** The plan's sessions in a seeded random order: each entry is the plan item of one session. */
export function sessionOrder<P extends { count: number }>(rng: Rng, plan: readonly P[]): P[] {
  return rng.shuffle(plan.flatMap((p) => Array.from({ length: p.count }, () => p)));
}
