import { describe, expect, it } from "vitest";
import { computeSignals } from "./sessionize.js";
import { SessionSignals, SIGNALS_VERSION, type StoredEvent } from "../state/session.js";
import { at, storedEvent } from "../testing/events.js";

const ev = (uuid: string, offsetSec: number, event: string, properties: Record<string, unknown> = {}): StoredEvent =>
  storedEvent(uuid, { event, at: at(offsetSec), sessionId: "s1", distinctId: "user-7", properties });

/** One hand-made session, 200 s long; every expected figure below is counted from this list. */
const SESSION: StoredEvent[] = [
  ev("e01", 0, "$pageview", {
    $pathname: "/app/workflows/wf_4821/edit",
    $referring_domain: "$direct",
    utm_source: "newsletter",
    utm_campaign: "jan",
  }),
  ev("e02", 5, "$autocapture", { $event_type: "click" }),
  ev("e03", 10, "$autocapture", { $event_type: "change" }),
  ev("e04", 20, "$pageview", { $pathname: "/app/workflows/wf_77/edit", $referring_domain: "news.ycombinator.com", utm_source: "other" }),
  ev("e05", 30, "$rageclick", { $el_text: "  Save  " }),
  ev("e06", 40, "$exception", {
    $exception_list: [
      {
        type: "TypeError",
        value: "x is undefined",
        stacktrace: {
          frames: [
            { filename: "webpack:///./src/main.ts", function: "main", lineno: 1, in_app: true },
            { filename: "node_modules/react-dom/cjs/react-dom.development.js", function: "callCallback", lineno: 100 },
            { filename: "webpack:///./src/editor/save.ts", function: "saveWorkflow", lineno: 42, in_app: true },
          ],
        },
      },
    ],
  }),
  ev("e07", 60, "$pageview", { $current_url: "https://app.acme.com/search?q=%20webhooks%20&page=2" }),
  ev("e08", 70, "$dead_click", { $elements_chain: 'button.btn:attr__class="btn"nth-child="1"text="Export CSV";div.toolbar:nth-child="2"' }),
  ev("e09", 80, "workflow_created", { workflow: "wf_4821" }),
  ev("e10", 90, "$exception", { $exception_type: "ChunkLoadError", $exception_message: "Loading chunk 7 failed" }),
  ev("e11", 100, "$pageview", { $pathname: "/app/users/3fa85f64-5717-4562-b3fc-2c963f66afa6" }),
  ev("e12", 110, "$pageview", { $pathname: "/orders/12345/items/deadbeef99" }),
  ev("e13", 120, "$pageview", { $current_url: "https://app.acme.com/help?query=billing#faq" }),
  ev("e14", 130, "$identify"),
  ev("e15", 140, "survey sent", { $survey_id: "sv1" }),
  ev("e16", 150, "invite_sent"),
  ev("e17", 200, "$autocapture", { $event_type: "click", $pathname: "/help" }),
];

/** The same events, shuffled: reversed, then odd positions first. */
const SHUFFLED = [...SESSION].reverse().filter((_, i) => i % 2 === 1).concat([...SESSION].reverse().filter((_, i) => i % 2 === 0));

describe("computeSignals", () => {
  const signals = computeSignals("s1", SHUFFLED);

  it("sorts the events and measures the session", () => {
    expect(SHUFFLED[0]?.uuid).not.toBe("e01");
    expect(signals).toMatchObject({
      sessionId: "s1",
      distinctId: "user-7",
      startedAt: at(0),
      endedAt: at(200),
      durationSec: 200,
      eventCount: 17,
      lastEventId: "e17",
    });
    expect(() => SessionSignals.parse(signals)).not.toThrow();
  });

  it("counts pageviews, and clicks as autocapture clicks plus rage clicks", () => {
    expect(signals.pageviews).toBe(6); // e01 e04 e07 e11 e12 e13
    expect(signals.clicks).toBe(3); // e02 e05 e17 (e03 is a change, e08 a dead click)
  });

  it("lists normalized routes in visit order with repeats collapsed", () => {
    expect(signals.routes).toEqual(["/app/workflows/:id/edit", "/search", "/app/users/:id", "/orders/:id/items/:id", "/help"]);
    expect(signals.entryRoute).toBe("/app/workflows/:id/edit");
    expect(signals.exitRoute).toBe("/help");
  });

  it("takes the first real referrer, and utm_* of the entry event", () => {
    expect(signals.referrer).toBe("news.ycombinator.com");
    expect(signals.utm).toEqual({ utm_source: "newsletter", utm_campaign: "jan" });
  });

  it("reads $exception_list with frames innermost-first, and the older type/message pair", () => {
    expect(signals.exceptions).toEqual([
      {
        eventId: "e06",
        type: "TypeError",
        message: "x is undefined",
        frames: [
          { file: "webpack:///./src/editor/save.ts", function: "saveWorkflow", line: 42, column: null, inApp: true },
          { file: "node_modules/react-dom/cjs/react-dom.development.js", function: "callCallback", line: 100, column: null, inApp: false },
          { file: "webpack:///./src/main.ts", function: "main", line: 1, column: null, inApp: true },
        ],
        route: "/app/workflows/:id/edit",
        at: at(40),
      },
      { eventId: "e10", type: "ChunkLoadError", message: "Loading chunk 7 failed", frames: [], route: "/search", at: at(90) },
    ]);
  });

  it("turns rage and dead clicks into click signals with the element text", () => {
    expect(signals.clickSignals).toEqual([
      { eventId: "e05", kind: "rage", route: "/app/workflows/:id/edit", text: "Save", at: at(30) },
      { eventId: "e08", kind: "dead", route: "/search", text: "Export CSV", at: at(70) },
    ]);
  });

  it("lists the product's own events, not $ or survey events, with their route and scalar properties", () => {
    expect(signals.customEvents).toEqual([
      { eventId: "e09", name: "workflow_created", at: at(80), route: "/search", props: { workflow: "wf_4821" } },
      { eventId: "e16", name: "invite_sent", at: at(150), route: "/help", props: undefined },
    ]);
  });

  it("keeps the query parameters of page URLs for the profile's search rules, and the product's host", () => {
    expect(signals.pageParams).toEqual([
      { eventId: "e07", route: "/search", params: { q: " webhooks ", page: "2" }, at: at(60) },
      { eventId: "e13", route: "/help", params: { query: "billing" }, at: at(120) },
    ]);
    expect(signals.host).toBe("app.acme.com");
    expect(signals.signalsVersion).toBe(SIGNALS_VERSION);
  });
});

describe("computeSignals edge cases", () => {
  it("orders events with the same timestamp by uuid", () => {
    const s = computeSignals("s1", [ev("b", 0, "second_step"), ev("a", 0, "first_step")]);
    expect(s.customEvents.map((c) => c.name)).toEqual(["first_step", "second_step"]);
    expect(s).toMatchObject({ durationSec: 0, lastEventId: "b" });
  });

  it("counts $screen as a pageview and reports no referrer or utm for a direct visit", () => {
    const s = computeSignals("s1", [
      ev("a", 0, "$screen", { $screen_name: "Home", $referring_domain: "$direct" }),
      ev("b", 3, "$screen", { $screen_name: "Settings" }),
    ]);
    expect(s).toMatchObject({ pageviews: 2, routes: ["/home", "/settings"], referrer: null, utm: {} });
  });

  it("falls back to the first event's route when the session has no pageview", () => {
    const s = computeSignals("s1", [ev("a", 0, "$autocapture", { $event_type: "click", $pathname: "/app/orders/77" })]);
    expect(s).toMatchObject({ pageviews: 0, clicks: 1, routes: ["/app/orders/:id"], entryRoute: "/app/orders/:id", exitRoute: "/app/orders/:id" });
  });

  it("counts active time without idle gaps longer than 5 minutes", () => {
    const s = computeSignals("s1", [ev("a", 0, "$pageview"), ev("b", 40, "$autocapture"), ev("c", 40 + 301, "$pageview"), ev("d", 400, "$pageleave")]);
    expect(s).toMatchObject({ durationSec: 400, activeSec: 40 + 59 });
    expect(computeSignals("s1", SHUFFLED).activeSec).toBe(200); // the main session has no gap over a minute
  });

  it("records every click and React Native touch in the trail: which element (two same-text buttons apart), where, and whether it sets an option", () => {
    const chain = (node: string) => `${node};div.card:nth-child="1"nth-of-type="1";body`;
    const s = computeSignals("s1", [
      ev("a", 0, "$screen", { $screen_name: "/run/summary" }),
      ev("b", 5, "$autocapture", { $event_type: "touch", $el_text: "Share", $elements_chain: chain('RCTView:attr__testID="share"text="Share"') }),
      ev("c", 9, "$autocapture", { $event_type: "click", $el_text: "Run", $elements_chain: chain('button:attr__data-tool="enrich"text="Run"') }),
      ev("d", 12, "$autocapture", { $event_type: "click", $el_text: "Run", $elements_chain: chain('button:attr__data-tool="classify"text="Run"') }),
      ev("e", 15, "$autocapture", { $event_type: "click", $elements_chain: chain('input:attr__type="checkbox"attr__name="sync"') }),
    ]);
    expect(s.clicks).toBe(4);
    const trail = s.clickTrail ?? [];
    expect(trail.map((c) => [c.route, c.at, c.toggle ?? false])).toEqual([
      ["/run/summary", at(5), false],
      ["/run/summary", at(9), false],
      ["/run/summary", at(12), false],
      ["/run/summary", at(15), true],
    ]);
    expect(trail[1]?.element).not.toBe(trail[2]?.element);
    expect(trail.every((c) => /^[0-9a-f]{12}$/.test(c.element))).toBe(true);
  });

  it("ends the visit before a server-side event the rules joined after it (a webhook); one the source put in the session counts", () => {
    const page = ev("a", 0, "$pageview", { $pathname: "/pay" });
    const failure = ev("b", 20, "$exception", { $pathname: "/pay", $exception_type: "Error", $exception_message: "card declined" });
    const joined = { ...ev("c", 80, "Payment Received"), sessionInferred: true };
    const s = computeSignals("s1", [page, failure, joined]);
    expect(s).toMatchObject({ endedAt: at(20), durationSec: 20, activeSec: 20, lastEventId: "b", eventCount: 3, exitRoute: "/pay" });
    expect(s.customEvents.map((c) => c.eventId)).toEqual(["c"]);
    // An Amplitude custom event of the session carries no page, yet the user was there.
    expect(computeSignals("s2", [page, ev("d", 60, "workflow_created")])).toMatchObject({ endedAt: at(60), durationSec: 60 });
    // A session of joined server events alone still spans them.
    expect(computeSignals("s3", [{ ...ev("x", 0, "invoice_paid"), sessionInferred: true }, { ...ev("y", 30, "invoice_sent"), sessionInferred: true }])).toMatchObject({ endedAt: at(30) });
  });

  it("refuses an empty session", () => {
    expect(() => computeSignals("s-empty", [])).toThrow(/s-empty/);
  });
});
