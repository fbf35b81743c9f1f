// simulateWeek: streams a week of sessions, one at a time, in start-time order.
import { deriveSeed, fmix32, Rng, uuidV7 } from "./prng.js";
import { randomDevice, userAt } from "./people.js";
import { RARE_SCENARIO, RARE_SESSIONS_PER_WEEK, SCENARIOS, scenarioAt } from "./scenarios/index.js";
import { SessionWriter, type SessionIdentity } from "./session-writer.js";
import type { PathStyle } from "./stacks.js";
import type { SimulateOptions, SimulatedSession } from "./types.js";
import { bugOf, fixedRun } from "./scenarios/fixed.js";

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** Longest session is under 30 minutes; starts are kept this far from the week's end. */
const LAST_START_MS = WEEK_MS - 35 * 60_000;
const GOLDEN = 0.6180339887498949;
const PATH_STYLES: readonly PathStyle[] = ["relative", "webpack", "absolute"];

/** Cumulative traffic by hour of the week: busy on weekday working hours, quiet at night and weekends. */
const HOUR_CDF: readonly number[] = (() => {
  const weights: number[] = [];
  for (let hour = 0; hour < 168; hour += 1) {
    const day = Math.floor(hour / 24);
    const h = hour % 24;
    const daytime = h >= 8 && h < 18 ? 3 : h >= 6 && h < 22 ? 1.5 : 0.4;
    weights.push(daytime * (day >= 5 ? 0.45 : 1));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  return weights.map((w) => (running += w / total));
})();

/** Offset into the week (ms) at quantile q of the traffic curve; monotone in q. */
function offsetAt(q: number): number {
  let lo = 0;
  let hi = HOUR_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((HOUR_CDF[mid] ?? 1) < q) lo = mid + 1;
    else hi = mid;
  }
  const before = lo === 0 ? 0 : (HOUR_CDF[lo - 1] ?? 0);
  const within = ((q - before) / ((HOUR_CDF[lo] ?? 1) - before)) * HOUR_MS;
  return Math.min(LAST_START_MS, lo * HOUR_MS + within);
}

function validate(opts: SimulateOptions): void {
  if (!Number.isInteger(opts.sessions) || opts.sessions < 1) throw new RangeError(`sessions must be a positive integer, got ${opts.sessions}`);
  if (!Number.isInteger(opts.seed)) throw new RangeError(`seed must be an integer, got ${opts.seed}`);
  if (Number.isNaN(opts.weekStart.getTime())) throw new RangeError("weekStart is not a valid date");
}

/** The indices of the week's rare-bug sessions: exactly two (fewer only below two sessions). */
function rareIndices(master: Rng, sessions: number): Set<number> {
  const picked = new Set<number>();
  while (picked.size < Math.min(RARE_SESSIONS_PER_WEEK, sessions)) picked.add(master.int(0, sessions - 1));
  return picked;
}

export function* simulateWeek(opts: SimulateOptions): Generator<SimulatedSession> {
  validate(opts);
  const { sessions, seed } = opts;
  const weekStart = opts.weekStart.getTime();
  const master = new Rng(deriveSeed(seed, -1));
  const phase = master.next();
  const rare = rareIndices(master, sessions);
  const seedMix = fmix32(seed ^ 0x5bd1e995);
  const userPool = Math.max(20, Math.round(sessions * 0.55));

  for (let i = 0; i < sessions; i += 1) {
    const rng = new Rng(deriveSeed(seed, i));
    // Low-discrepancy walk over the share distribution: shares hold closely at any size.
    const scenario = rare.has(i) ? RARE_SCENARIO : scenarioAt((phase + i * GOLDEN) % 1);
    const def = SCENARIOS[scenario];
    const start = weekStart + Math.round(offsetAt((i + rng.next()) / sessions));
    const traffic = def.traffic(rng);
    const sessionKey = (i ^ seedMix) >>> 0;
    const user = traffic.identified ? userAt(seed, rng.int(0, userPool - 1)) : undefined;
    const identity: SessionIdentity = {
      sessionKey,
      sessionId: uuidV7(rng, start, sessionKey),
      windowId: uuidV7(rng, start + rng.int(0, 40), sessionKey),
      distinctId: user?.distinctId ?? uuidV7(rng, start - rng.int(0, 5000), sessionKey),
      person: user?.person ?? {},
      device: user?.device ?? randomDevice(rng),
      referrer: traffic.referrer,
    };
    const w = new SessionWriter(rng, identity, start);
    const bug = bugOf(scenario);
    const run = bug && opts.fixed?.includes(bug) ? fixedRun(bug) : def.run;
    run({ w, rng, utm: traffic.utm, errors: { style: rng.pick(PATH_STYLES), instrumented: rng.chance(0.5) } });
    yield { sessionId: identity.sessionId, distinctId: identity.distinctId, scenario, events: w.events };
  }
}
