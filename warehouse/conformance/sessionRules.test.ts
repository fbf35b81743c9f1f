import { expect, it } from "vitest";
import { importEvents, openImport } from "../../connectors/importer.js";
import { inferredSessionId, INACTIVITY_GAP_MS } from "../../connectors/formats.js";
import type { UnlinkedPolicy } from "../../connectors/sessions/policy.js";
import { at, storedEvent } from "../../testing/events.js";
import { report } from "../../testing/records.js";
import { describeEachEngine } from "./engines.js";

/** A page view: what says a user was in the product, so inactivity sessions are made of it. */
const PAGE = { $pathname: "/" };
const infer: UnlinkedPolicy = { kind: "infer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId };
const attachOrInfer: UnlinkedPolicy = { ...infer, kind: "attachOrInfer" };
const minutes = (m: number): string => at(m * 60);

/** The sessionization rules (connectors/sessions/) over each engine's storage primitives. */
describeEachEngine("sessionization on the engine", ({ fresh }) => {
  it("attaches a server-side event to the same user's session that spans it, also when the session arrives later", async () => {
    const w = await fresh();
    // The server event comes first: no session covers it yet.
    expect(await importEvents(w, [storedEvent("srv", { at: at(30), sessionId: null, event: "invoice_paid" })])).toMatchObject({ inserted: 1, sessionless: 1, sessionsTouched: 0 });
    const result = await importEvents(w, [storedEvent("p1", { at: at(0) }), storedEvent("p2", { at: at(60) }), storedEvent("late", { at: at(500), sessionId: null })]);
    expect(result).toMatchObject({ inserted: 3, sessionless: 1, sessionsTouched: 1 }); // "late" is outside s1
    const [s1] = await w.sessionSignals(["s1"]);
    expect(s1?.eventCount).toBe(3);
    expect(s1?.customEvents.map((c) => c.eventId)).toEqual(["srv"]);
  });

  it("infers sessions per user at 30-minute gaps with ids from user and first event, and merges them when a gap fills", async () => {
    const w = await fresh();
    const events = [
      storedEvent("a1", { at: minutes(0), sessionId: null, distinctId: "ann", properties: PAGE }),
      storedEvent("a2", { at: minutes(5), sessionId: null, distinctId: "ann", properties: PAGE }),
      storedEvent("a3", { at: minutes(50), sessionId: null, distinctId: "ann", properties: PAGE }), // 45 min later: a new session
      storedEvent("b1", { at: minutes(1), sessionId: null, distinctId: "bob", properties: PAGE }),
    ];
    expect(await importEvents(w, events, { unlinked: infer })).toEqual({ inserted: 4, duplicates: 0, sessionsTouched: 3, sessionless: 0 });
    const first = inferredSessionId("ann", { uuid: "a1", timestamp: minutes(0) });
    const second = inferredSessionId("ann", { uuid: "a3", timestamp: minutes(50) });
    expect((await w.sessionSignals([first, second])).map((s) => [s.sessionId, s.eventCount])).toEqual(
      [[first, 2], [second, 1]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    await w.saveReports([report(first), report(second)]);

    // A later export fills the gap (a4 at 28 min): one session now; the second one's report goes with it.
    const fill = await openImport(w, { unlinked: infer });
    await fill.add([storedEvent("a4", { at: minutes(28), sessionId: null, distinctId: "ann", properties: PAGE })]);
    expect(await fill.commit()).toMatchObject({ inserted: 1, sessionsTouched: 1 });
    expect(await w.countSessions()).toBe(2);
    expect((await w.sessionSignals([first]))[0]).toMatchObject({ eventCount: 4, durationSec: 50 * 60 });
    expect(await w.sessionSignals([second])).toEqual([]);
    expect((await w.listReports()).map((r) => r.sessionId)).toEqual([first]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toContain(first); // stale: it grew
  });

  it("a server-side event never makes an inferred session: it joins the one that spans it, or stays sessionless", async () => {
    const w = await fresh();
    const result = await importEvents(
      w,
      [
        storedEvent("p1", { at: minutes(0), sessionId: null, distinctId: "ann", properties: PAGE }),
        storedEvent("job", { at: minutes(3), sessionId: null, distinctId: "ann", event: "invoice_paid" }),
        storedEvent("p2", { at: minutes(6), sessionId: null, distinctId: "ann", properties: PAGE }),
        storedEvent("nightly", { at: minutes(300), sessionId: null, distinctId: "ann", event: "invoice_paid" }),
      ],
      { unlinked: infer },
    );
    expect(result).toMatchObject({ inserted: 4, sessionsTouched: 1, sessionless: 1 });
    const id = inferredSessionId("ann", { uuid: "p1", timestamp: minutes(0) });
    expect((await w.sessionEvents(id)).map((e) => e.uuid)).toEqual(["p1", "job", "p2"]);
  });

  it("a server-side event minutes after the last page joins that visit; beyond the grace window it stays sessionless", async () => {
    const w = await fresh();
    const page = (uuid: string, m: number) => storedEvent(uuid, { at: minutes(m), sessionId: null, distinctId: "ann", properties: PAGE });
    const server = (uuid: string, m: number) => storedEvent(uuid, { at: minutes(m), sessionId: null, distinctId: "ann", event: "Payment Received" });
    const result = await importEvents(w, [page("p1", 0), page("p2", 2), server("paid", 3), server("refund", 2 + 6)], { unlinked: infer });
    expect(result).toMatchObject({ inserted: 4, sessionsTouched: 1, sessionless: 1 });
    const id = inferredSessionId("ann", { uuid: "p1", timestamp: minutes(0) });
    expect((await w.sessionEvents(id)).map((e) => e.uuid)).toEqual(["p1", "p2", "paid"]);
    // The visit still ends at its last page: the webhook does not make the user stay longer.
    const [signals] = await w.sessionSignals([id]);
    expect(signals).toMatchObject({ endedAt: minutes(2), durationSec: 120, eventCount: 3 });
  });

  it("a server-side event joined within the grace window moves to a session a later import brings that contains it", async () => {
    const w = await fresh();
    const first = [storedEvent("a1", { at: minutes(0), sessionId: "a", properties: PAGE }), storedEvent("a2", { at: minutes(1), sessionId: "a", properties: PAGE })];
    await importEvents(w, [...first, storedEvent("job", { at: minutes(3), sessionId: null, event: "invoice_paid" })]);
    expect((await w.sessionEvents("a")).map((e) => e.uuid)).toEqual(["a1", "a2", "job"]);
    const later = await importEvents(w, [storedEvent("b1", { at: minutes(2), sessionId: "b", properties: PAGE }), storedEvent("b2", { at: minutes(4), sessionId: "b", properties: PAGE })]);
    expect(later).toMatchObject({ sessionless: 0 });
    expect((await w.sessionEvents("b")).map((e) => e.uuid)).toEqual(["b1", "job", "b2"]);
    expect((await w.sessionEvents("a")).map((e) => e.uuid)).toEqual(["a1", "a2"]);
    const [a] = await w.sessionSignals(["a"]);
    expect(a?.eventCount).toBe(2);
  });

  it("a server-side event inside an inferred session stays re-examined: a later import that moves the session takes it along", async () => {
    const w = await fresh();
    const page = (uuid: string, m: number) => storedEvent(uuid, { at: minutes(m), sessionId: null, distinctId: "ann", properties: PAGE });
    await importEvents(w, [page("p1", 0), storedEvent("job", { at: minutes(3), sessionId: null, distinctId: "ann", event: "invoice_paid" }), page("p2", 6)], { unlinked: infer });
    // An earlier page arrives: the inferred session now starts (and is named) at it, and the job goes with it.
    await importEvents(w, [page("p0", -10)], { unlinked: infer });
    const merged = inferredSessionId("ann", { uuid: "p0", timestamp: minutes(-10) });
    expect((await w.sessionEvents(merged)).map((e) => e.uuid)).toEqual(["p0", "p1", "job", "p2"]);
    expect(await w.countSessions()).toBe(1);
  });

  it("attachOrInfer: a server-side event inside an inferred session does not make its user one with source sessions", async () => {
    const w = await fresh();
    const page = (uuid: string, m: number) => storedEvent(uuid, { at: minutes(m), sessionId: null, distinctId: "bob", properties: PAGE });
    await importEvents(w, [page("p1", 0), storedEvent("job", { at: minutes(3), sessionId: null, distinctId: "bob", event: "invoice_paid" }), page("p2", 6)], { unlinked: attachOrInfer });
    // Bob still has no session of the source's: his next visit is sessionized by inactivity, not left sessionless.
    expect(await importEvents(w, [page("p3", 100)], { unlinked: attachOrInfer })).toMatchObject({ sessionless: 0, sessionsTouched: 1 });
    expect(await w.countSessions()).toBe(2);
  });

  it("attachOrInfer: a user with source sessions gets attachment, a user with none gets inactivity sessions", async () => {
    const w = await fresh();
    const result = await importEvents(
      w,
      [
        storedEvent("s-page", { at: minutes(0), sessionId: "real", distinctId: "ann", properties: PAGE }),
        storedEvent("s-page2", { at: minutes(10), sessionId: "real", distinctId: "ann", properties: PAGE }),
        storedEvent("loose", { at: minutes(5), sessionId: null, distinctId: "ann", properties: PAGE }),
        storedEvent("far", { at: minutes(100), sessionId: null, distinctId: "ann", properties: PAGE }),
        storedEvent("bob1", { at: minutes(0), sessionId: null, distinctId: "bob", properties: PAGE }),
      ],
      { unlinked: attachOrInfer },
    );
    expect(result).toMatchObject({ inserted: 5, sessionsTouched: 2, sessionless: 1 }); // "far" is outside ann's session
    expect((await w.sessionEvents("real")).map((e) => e.uuid)).toEqual(["s-page", "loose", "s-page2"]);
    expect(await w.countSessions()).toBe(2);
    // A later import: ann's source session is now stored, so her new loose event still joins it.
    expect(await importEvents(w, [storedEvent("later", { at: minutes(8), sessionId: null, distinctId: "ann", properties: PAGE })], { unlinked: attachOrInfer })).toMatchObject({ sessionless: 0, sessionsTouched: 1 });
    expect((await w.sessionEvents("real")).map((e) => e.uuid)).toEqual(["s-page", "loose", "later", "s-page2"]);
  });
});
