import type { ProductProfile } from "../../state/profile.js";
import type { SessionException, SessionSignals } from "../../state/session.js";
import { problemsOf, type NoiseError } from "./problems.js";
import { searchesOf, type Search } from "./searches.js";
import { gotPast, reopenedWithoutFailing } from "./recovery.js";

/** What the heuristic analyst reads off a session's signals and the profile, before judging it. */
export interface SessionFacts {
  signals: SessionSignals;
  /** Success events (with the route each happened on), in time order. */
  wins: SessionSignals["customEvents"];
  distinctWins: string[];
  /** The product's failures (exceptions and failure events), in time order; noise is apart. */
  problems: SessionException[];
  /** Errors that are not the product's: they lower nothing. */
  noise: NoiseError[];
  searches: Search[];
  /** A success came after the last product failure. */
  recovered: boolean;
  /** ...and the user did again what had failed, and it worked (else they worked around it: what failed stays undone). */
  gotPast: boolean;
  /** No success after the last failure, but it failed as its page opened, and the page opened again without failing. */
  reopenedWithoutFailing: boolean;
  secondsAfterLastProblem: number | null;
  /** The element clicked in vain most often (rage or dead clicks), when it was clicked so twice or more. */
  futileClicks: { text: string; route: string; count: number } | null;
  /** A pair of routes the user went back and forth between, when they did it twice or more. */
  loop: [string, string] | null;
}

export function readFacts(signals: SessionSignals, profile: ProductProfile): SessionFacts {
  const successNames = new Set(profile.successEvents);
  const wins = signals.customEvents.filter((e) => successNames.has(e.name));
  const { product, noise } = problemsOf(signals, profile);
  const lastProblem = product.at(-1);
  const lastProblemAt = lastProblem?.at ?? null;
  const recovered = lastProblemAt !== null && wins.some((w) => w.at > lastProblemAt);
  return {
    signals,
    wins,
    distinctWins: [...new Set(wins.map((w) => w.name))],
    problems: product,
    noise,
    searches: searchesOf(signals, profile),
    recovered,
    gotPast: recovered && lastProblem !== undefined && gotPast(signals, lastProblem, wins),
    reopenedWithoutFailing: !recovered && lastProblem !== undefined && reopenedWithoutFailing(signals, lastProblem),
    // A server-side failure joined after the last page (a job that failed as the user left) is 0 s before the end, never after.
    secondsAfterLastProblem: lastProblemAt ? Math.max(0, (Date.parse(signals.endedAt) - Date.parse(lastProblemAt)) / 1000) : null,
    futileClicks: mostFutileClick(signals.clickSignals),
    loop: findLoop(signals.routes),
  };
}

function mostFutileClick(clicks: SessionSignals["clickSignals"]): SessionFacts["futileClicks"] {
  const counts = new Map<string, NonNullable<SessionFacts["futileClicks"]>>();
  for (const c of clicks) {
    const key = `${c.route}\u0000${c.text}`;
    const entry = counts.get(key) ?? { text: c.text, route: c.route, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  return best && best.count >= 2 ? best : null;
}

/** Alternations that make a loop: A -> B -> A -> B -> A is three. Fewer is ordinary navigation. */
const LOOP_MIN_ALTERNATIONS = 3;

/** A -> B -> A -> B -> A: the same two routes alternating again and again. */
function findLoop(routes: string[]): [string, string] | null {
  const counts = new Map<string, number>();
  for (let i = 0; i + 2 < routes.length; i++) {
    const [a, b, c] = [routes[i], routes[i + 1], routes[i + 2]];
    if (a && b && a === c) {
      const key = [a, b].sort().join("\u0000");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best: [string, string] | null = null;
  let bestCount = LOOP_MIN_ALTERNATIONS - 1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      const [x, y] = key.split("\u0000");
      if (x && y) best = [x, y];
      bestCount = count;
    }
  }
  return best;
}
