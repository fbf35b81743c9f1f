import { describe, expect, it } from "vitest";
import { groupFailures } from "./groupFailures.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import { report } from "../../testing/records.js";
import type { SessionReport } from "../../state/report.js";
import type { SessionSignals } from "../../state/session.js";

/** Quillboard (a made-up product): sessions fighting its "Insert chart" button, each reported by hand. */
function session(id: string, route: string, rageOn: string | null): SessionSignals {
  const events = [
    storedEvent(`${id}-1`, { event: "$pageview", at: at(0), sessionId: id, properties: { $current_url: `https://app.quillboard.test${route}`, $pathname: route } }),
    ...(rageOn ? [storedEvent(`${id}-2`, { event: "$rageclick", at: at(20), sessionId: id, properties: { $el_text: rageOn, $pathname: route, $current_url: `https://app.quillboard.test${route}` } })] : []),
  ];
  return computeSignals(id, events);
}

const ADVICE = 'Users click "Insert chart" on /notebooks/:id again and again and nothing happens: make it work or show the way.';

function grouped(sessions: { signals: SessionSignals; report: SessionReport }[]) {
  const groups = groupFailures(sessions.map((s) => s.report), new Map(sessions.map((s) => [s.signals.sessionId, s.signals])), notebookProfile());
  return groups.map((g) => ({ title: g.title, sessionIds: [...g.sessionIds].sort() }));
}

describe("sessions that fought the same control", () => {
  const advised = ["a1", "a2"].map((id) => ({ signals: session(id, "/notebooks/nb_1", "Insert chart"), report: report(id, { outcome: "failure", score: 2, improvement: ADVICE }) }));

  it("join the control's pattern when they failed and the analyst gave no advice", () => {
    const silent = { signals: session("s1", "/notebooks/nb_1", "Insert chart"), report: report("s1", { outcome: "partial", score: 5 }) };
    expect(grouped([...advised, silent])).toEqual([{ title: ADVICE, sessionIds: ["a1", "a2", "s1"] }]);
  });

  it("stay out when they succeeded, fought another control, or only wandered", () => {
    const others = [
      { signals: session("ok", "/notebooks/nb_1", "Insert chart"), report: report("ok", { outcome: "success", score: 9 }) },
      { signals: session("other", "/notebooks/nb_1", "Share"), report: report("other", { outcome: "failure", score: 2 }) },
      { signals: session("wander", "/notebooks/nb_1", null), report: report("wander", { outcome: "partial", score: 5 }) },
    ];
    expect(grouped([...advised, ...others])).toEqual([{ title: ADVICE, sessionIds: ["a1", "a2"] }]);
  });
});
