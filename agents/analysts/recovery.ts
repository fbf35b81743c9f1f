import type { SessionException, SessionSignals } from "../../state/session.js";

/** A click this close before a failure is what the user was doing when it failed. */
const TRIGGER_WINDOW_MS = 30_000;
/** A failure named as a refusal of the user's input (`upload_rejected`, `CardRefused`), not a fault of the code. */
const REFUSAL = /(rejected|refused)/i;

/**
 * After the session's last failure the user reached a success: did they get past the failure (they did
 * again what had failed, and it worked), or work around it (they got there another way, and what failed
 * stays undone)? What failed is the element clicked just before it, when there was one. Retrying is
 * clicking it again, after choosing another file or card if need be, but with no option set anew on the
 * way (unticking a checkbox drops part of what they asked for). Without a click, retrying is reaching the page it failed on again, or succeeding there.
 */
export function gotPast(signals: SessionSignals, failure: SessionException, successes: SessionSignals["customEvents"]): boolean {
  // The product refused what they gave it (a file, a card): succeeding after means giving something else.
  if (REFUSAL.test(failure.type)) return false;
  const trail = signals.clickTrail ?? [];
  const trigger = triggerOf(signals, failure);
  if (trigger) {
    for (const click of trail.filter((c) => c.at > failure.at)) {
      if (click.element === trigger.element) return true;
      // An option set differently (a checkbox unticked) before the retry: they changed what they asked for.
      if (click.toggle) return false;
    }
    return false;
  }
  return reopened(signals, failure) || successes.some((w) => w.at > failure.at && w.route === failure.route);
}

/**
 * A failure no click set off (the page failed as it opened), and the user opened that page again: the
 * failure was its last one, so the page worked the second time. Got past it even without a success event.
 */
export function reopenedWithoutFailing(signals: SessionSignals, failure: SessionException): boolean {
  return !triggerOf(signals, failure) && reopened(signals, failure);
}

function reopened(signals: SessionSignals, failure: SessionException): boolean {
  return (signals.routeVisits ?? []).some((v) => v.at > failure.at && v.route === failure.route);
}

/** The click that set the failure off: the last one before it, on its page, moments before. */
function triggerOf(signals: SessionSignals, failure: SessionException): NonNullable<SessionSignals["clickTrail"]>[number] | null {
  const failedAt = Date.parse(failure.at);
  const trigger = (signals.clickTrail ?? []).filter((c) => Date.parse(c.at) <= failedAt).at(-1);
  return trigger?.element && trigger.route === failure.route && failedAt - Date.parse(trigger.at) <= TRIGGER_WINDOW_MS ? trigger : null;
}
