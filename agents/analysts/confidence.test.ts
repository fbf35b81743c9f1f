import { describe, expect, it } from "vitest";
import { analyzeHeuristically } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** Quillboard (testing/profiles.ts): a made-up product, not the demo. */
const profile = notebookProfile();
let seq = 0;
const ev = (offsetSec: number, event: string, properties: Record<string, unknown> = {}): StoredEvent =>
  storedEvent(`c${String(++seq).padStart(3, "0")}`, { event, at: at(offsetSec), sessionId: "q1", properties });
const page = (offsetSec: number, path: string) => ev(offsetSec, "$pageview", { $current_url: `https://app.quillboard.test${path}`, $pathname: path.split("?")[0] });
const click = (offsetSec: number, text: string) => ev(offsetSec, "$rageclick", { $el_text: text, $current_url: "https://app.quillboard.test/notebooks", $pathname: "/notebooks" });
const confidence = (events: StoredEvent[]) => analyzeHeuristically(computeSignals("q1", events), profile).confidence ?? -1;
const THRESHOLD = 0.7;

describe("the rules' confidence in their report", () => {
  it("is high where the signals are explicit: a success event, a product error the session ended on, a bounce", () => {
    expect(confidence([page(0, "/notebooks"), ev(25, "note_published"), page(40, "/notebooks")])).toBeGreaterThanOrEqual(THRESHOLD);
    const error = ev(30, "$exception", { $exception_list: [{ type: "TypeError", value: "note is undefined", stacktrace: { frames: [{ filename: "https://app.quillboard.test/assets/app-1a2b.js", function: "save", lineno: 3, colno: 4, in_app: true }] } }] });
    expect(confidence([page(0, "/notebooks"), error, page(40, "/notebooks")])).toBeGreaterThanOrEqual(THRESHOLD);
    expect(confidence([page(0, "/pricing")])).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it("is low where the rules guess: no success and no error, clicks in vain, back and forth", () => {
    const wandering = [page(0, "/notebooks"), page(60, "/settings"), page(200, "/notebooks/nb_1"), page(400, "/help")];
    expect(confidence(wandering)).toBeLessThan(THRESHOLD);
    const confused = [page(0, "/notebooks"), click(10, "Export"), click(20, "Export"), click(30, "Export"), page(90, "/help")];
    expect(confidence(confused)).toBeLessThan(THRESHOLD);
    const loop = [page(0, "/a"), page(20, "/b"), page(40, "/a"), page(60, "/b"), page(80, "/a"), page(100, "/b"), page(120, "/a")];
    expect(confidence(loop)).toBeLessThan(THRESHOLD);
  });

  it("drops when a success comes with confusion, and stays within 0-1", () => {
    const clean = confidence([page(0, "/notebooks"), ev(25, "note_published")]);
    const muddled = confidence([page(0, "/notebooks"), click(5, "Share"), click(8, "Share"), click(11, "Share"), ev(25, "note_published")]);
    expect(muddled).toBeLessThan(clean);
    for (const c of [clean, muddled]) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});
