import type { Outcome } from "../../state/report.js";
import type { SessionFacts } from "./sessionFacts.js";
import { leftWithoutEngaging } from "./engagement.js";
import { isUnambiguous } from "./problems.js";

/**
 * How clearly a session's signals say what happened, 0-1: the rules' confidence in their own report.
 * An explicit success event or an unambiguous product error makes a clear story; clicks in vain,
 * back-and-forth loops, searches that found nothing, a failure worked around, or a session that ends
 * with neither a success nor an error are where the rules guess, and where a model earns its cost.
 * Product-neutral: it reads only what the profile declared (success, failure, search events).
 */
export function confidenceOf(f: SessionFacts, outcome: Outcome): number {
  let confidence = baseOf(f, outcome);
  if (f.futileClicks) confidence -= 0.2;
  if (f.loop) confidence -= 0.15;
  if (f.searches.some((q) => !q.answered)) confidence -= 0.25;
  // A failure beside a success: which one the user remembers is a judgment call.
  if (f.problems.length && f.wins.length) confidence -= f.gotPast ? 0.1 : 0.25;
  // Got past an error with no success event to show for it (the page worked when reopened): inferred, not seen.
  if (f.problems.length && !f.wins.length && f.reopenedWithoutFailing) confidence -= 0.25;
  // Errors from outside the product are set aside by rules that may not know every extension.
  if (f.noise.length) confidence -= 0.05;
  return Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
}

/** What the session ended on, before anything muddles it. */
function baseOf(f: SessionFacts, outcome: Outcome): number {
  if (f.problems.length) {
    // An exception thrown in the product's own code, or a declared failure event, is unambiguous.
    const last = f.problems.at(-1);
    return last && isUnambiguous(last) ? 0.95 : 0.8;
  }
  if (f.wins.length) return 0.95;
  const acquisition = outcome === "bounce" || outcome === "wrong_product";
  // A visit left without engaging is plain; a campaign arrival that browsed and took nothing up is read as acquisition by a guess.
  if (acquisition && !leftWithoutEngaging(f.signals)) return 0.5;
  if (outcome === "bounce") return 0.85;
  // A visitor from a search the product does not answer: the term is read against the product's words.
  if (outcome === "wrong_product") return 0.75;
  // Neither a success event nor an error (an untroubled visit, a burst of clicks): the rules only guess how it ended.
  return 0.45;
}
