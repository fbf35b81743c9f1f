import type { SessionReport } from "../../state/report.js";
import type { SessionSignals } from "../../state/session.js";
import type { FailureGroup } from "./groupFailures.js";

/** Outcomes that say the user did not get what they came for: the ones a fought control may explain. */
const TROUBLED: ReadonlySet<SessionReport["outcome"]> = new Set(["failure", "partial"]);

/**
 * Troubled sessions the analyst gave no advice for, matched to the improvement pattern whose control they
 * fought: a rage or dead click on the same element (route and text) that most of the pattern's sessions
 * clicked in vain. One report's advice may name the control and the next none, yet they are one problem;
 * a session that fought a control no pattern holds, or several patterns' controls, stays plain wandering.
 * Successes are left alone: many clicks on a drawing pad or a slider that then works are no failure.
 * Returns the fingerprint each joining session belongs to.
 */
export function joinByFoughtControl(groups: FailureGroup[], leftovers: SessionReport[], signalsById: Map<string, SessionSignals>): Map<string, string> {
  const ownerOf = new Map<string, string | null>();
  for (const group of groups.filter((g) => g.kind === "improvement")) {
    const counts = new Map<string, number>();
    for (const id of group.sessionIds) for (const control of foughtControls(signalsById.get(id))) counts.set(control, (counts.get(control) ?? 0) + 1);
    for (const [control, n] of counts) {
      if (n * 2 <= group.sessions) continue;
      // A control two patterns claim tells neither apart.
      ownerOf.set(control, ownerOf.has(control) && ownerOf.get(control) !== group.fingerprint ? null : group.fingerprint);
    }
  }
  const joins = new Map<string, string>();
  for (const report of leftovers) {
    if (!TROUBLED.has(report.outcome) || report.improvement.trim()) continue;
    const owners = new Set([...foughtControls(signalsById.get(report.sessionId))].map((c) => ownerOf.get(c)).filter((o): o is string => Boolean(o)));
    const [owner] = owners;
    if (owners.size === 1 && owner) joins.set(report.sessionId, owner);
  }
  return joins;
}

function foughtControls(signals: SessionSignals | undefined): Set<string> {
  return new Set((signals?.clickSignals ?? []).filter((c) => c.text.trim()).map((c) => `${c.route}\u0000${c.text.trim()}`));
}
