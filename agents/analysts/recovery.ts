import type { SessionException, SessionSignals } from "../../state/session.js";

/** A click this close before a failure is what the user was doing when it failed. */
const TRIGGER_WINDOW_MS = 30_000;

/**
 * After the session's last failure the user reached a success: did they get past the failure (they did
 * again what had failed, and it worked), or work around it (they got there another way, and what failed
 * stays undone)? What failed is the element clicked just before it, when there was one. Retrying is
 * clicking it again, after choosing another file or card if need be, but with no option set anew on the
 * way (unticking a checkbox drops part of what they asked for). Without a click, retrying is reaching the page it failed on again, or succeeding there.
 */
export function gotPast(signals: SessionSignals, failure: SessionException, successes: SessionSignals["customEvents"]): boolean {
  const failedAt = Date.parse(failure.at);
  const trail = signals.clickTrail ?? [];
  const before = trail.filter((c) => Date.parse(c.at) <= failedAt);
  const trigger = before.at(-1);
  if (trigger?.element && trigger.route === failure.route && failedAt - Date.parse(trigger.at) <= TRIGGER_WINDOW_MS) {
    for (const click of trail.filter((c) => c.at > failure.at)) {
      if (click.element === trigger.element) return true;
      // An option set differently (a checkbox unticked) before the retry: they changed what they asked for.
      if (click.toggle) return false;
    }
    return false;
  }
  const revisited = (signals.routeVisits ?? []).some((v) => v.at > failure.at && v.route === failure.route);
  return revisited || successes.some((w) => w.at > failure.at && w.route === failure.route);
}
