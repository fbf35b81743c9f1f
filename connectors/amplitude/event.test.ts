import { describe, expect, it } from "vitest";
import { parseAmplitudeEvent } from "./event.js";
import { computeSignals } from "../sessionize.js";
import { analyzeHeuristically } from "../../agents/analysts/heuristic.js";
import { notebookProfile } from "../../testing/profiles.js";

/** Events of a made-up fitness app, as the iOS and Android SDKs' autocapture records them in an export. */
const record = (n: number, eventType: string, props: Record<string, unknown>) => ({
  $insert_id: `ins-${n}`,
  event_type: eventType,
  event_time: `2026-11-24 09:00:0${n}.000000`,
  user_id: "user_10042",
  device_id: "B3C6140D-4C04",
  session_id: 1795740226555,
  platform: "iOS",
  event_properties: props,
});
const tap = (n: number, text: Record<string, unknown>) =>
  record(n, "[Amplitude] Element Interacted", { "[Amplitude] Action": "touch", "[Amplitude] Target View Class": "UIButton", "[Amplitude] Screen Name": "WorkoutDetailViewController", ...text });

describe("Amplitude mobile autocapture", () => {
  it("a tap is a click on its screen, named by the view's text", () => {
    const e = parseAmplitudeEvent(tap(1, { "[Amplitude] Target Text": "Download for offline" }));
    expect(e.event).toBe("$autocapture");
    expect(e.properties["$event_type"]).toBe("touch");
    expect(e.properties["$el_text"]).toBe("Download for offline");
  });

  it("an icon button is named by its accessibility label, else its Android resource id", () => {
    expect(parseAmplitudeEvent(tap(1, { "[Amplitude] Target Text": "", "[Amplitude] Target Accessibility Label": "Share" })).properties["$el_text"]).toBe("Share");
    expect(parseAmplitudeEvent(tap(1, { "[Amplitude] Target Resource": "download_button" })).properties["$el_text"]).toBe("download_button");
  });

  it("taps count as clicks, and a rage tap names what was tapped", () => {
    const events = [
      record(0, "[Amplitude] Screen Viewed", { "[Amplitude] Screen Name": "WorkoutDetailViewController" }),
      tap(1, { "[Amplitude] Target Text": "Download for offline" }),
      tap(2, { "[Amplitude] Target Text": "Download for offline" }),
      record(3, "[Amplitude] Rage Click", { "[Amplitude] Target Text": "Download for offline", "[Amplitude] Screen Name": "WorkoutDetailViewController" }),
    ].map(parseAmplitudeEvent);
    const signals = computeSignals("s1", events);
    expect(signals.clicks).toBe(3);
    expect(signals.clickSignals).toEqual([expect.objectContaining({ kind: "rage", text: "Download for offline" })]);
  });
});

describe("Amplitude mobile network tracking", () => {
  const request = (n: number, status: number) =>
    record(n, "[Amplitude] Network Request", {
      "[Amplitude] URL": "https://api.stride.test/v2/orders?cart=c_81",
      "[Amplitude] Request Method": "POST",
      "[Amplitude] Status Code": status,
      "[Amplitude] Screen Name": "CheckoutScreen",
    });

  it("a server error is the product failing the user, named by method, path and status", () => {
    const e = parseAmplitudeEvent(request(1, 503));
    expect(e.event).toBe("Network Request Failed");
    expect(e.properties["message"]).toBe("POST /v2/orders answered 503");
  });

  it("a 4xx stays plumbing: the product may have meant it", () => {
    expect(parseAmplitudeEvent(request(1, 404)).event).toBe("$[Amplitude] Network Request");
  });

  it("a session that ends on a server error is a failure on its screen, not a bounce", () => {
    const events = [record(0, "[Amplitude] Screen Viewed", { "[Amplitude] Screen Name": "CheckoutScreen" }), request(1, 500)].map(parseAmplitudeEvent);
    const report = analyzeHeuristically(computeSignals("s1", events), notebookProfile());
    expect(report.outcome).toBe("failure");
    expect(report.userSuccess).toContain("POST /v2/orders answered 500");
  });
});
