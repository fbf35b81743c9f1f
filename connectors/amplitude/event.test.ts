import { describe, expect, it } from "vitest";
import { parseAmplitudeEvent } from "./event.js";
import { computeSignals } from "../sessionize.js";

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
