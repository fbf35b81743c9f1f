// One simulated session of a web product in the making: its events, the noise it carries, its label.
import type { Rng } from "../../../demo/simulator/prng.js";
import { addWebNoise, type AbortedFetch, type WebNoiseId } from "./noise.js";
import type { PostHogSession } from "./posthog.js";
import type { Label, TruthSession } from "./truth.js";

export class WebScene {
  private readonly noise: string[] = [];

  constructor(
    readonly rng: Rng,
    readonly s: PostHogSession,
    private readonly noiseId: WebNoiseId | null,
    private readonly abortedFetch: AbortedFetch,
  ) {}

  /** Where a scenario allows it, the session's noise error (if it carries one that is not an aborted fetch). */
  midNoise(): this {
    if (this.noiseId && this.noiseId !== "aborted-fetch" && this.noise.length === 0) this.noise.push(addWebNoise(this.s, this.noiseId, this.abortedFetch));
    return this;
  }

  /** The user leaves: an in-flight request may be aborted first, then the page is left. */
  leave(): this {
    if (this.noiseId === "aborted-fetch" && this.noise.length === 0) this.noise.push(addWebNoise(this.s, "aborted-fetch", this.abortedFetch));
    this.s.pageleave();
    return this;
  }

  label(label: Omit<Label, "noise">): TruthSession {
    return { anchor: this.s.anchor, ...label, noise: [...this.noise] };
  }
}

export type Scenario = (scene: WebScene) => TruthSession;

/** A scenario and how many sessions of it the week holds. */
export interface Planned {
  count: number;
  run: Scenario;
}

/** The plan's sessions in a seeded random order: each entry is the plan item of one session. */
export function sessionOrder<P extends Planned>(rng: Rng, plan: readonly P[]): P[] {
  return rng.shuffle(plan.flatMap((p) => Array.from({ length: p.count }, () => p)));
}
