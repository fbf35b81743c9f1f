import { expect, it } from "vitest";
import type { SessionSignals, StoredEvent } from "../../state/session.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { importEvents, openImport, type Sessionizer } from "../../connectors/importer.js";
import { at, storedEvent } from "../../testing/events.js";
import { report } from "../../testing/records.js";
import { describeEachEngine } from "./engines.js";
import type { PostgresEventWrites } from "../postgres/importTx.js";
import type { SqliteEventWrites } from "../sqlite/importTx.js";

/** Checked by the type check: each engine's import transaction sets startedEmpty once, when it begins. */
export function startedEmptyIsSetOnce(sqlite: SqliteEventWrites, postgres: PostgresEventWrites): void {
  // @ts-expect-error readonly: set once when the transaction begins
  sqlite.startedEmpty = true;
  // @ts-expect-error readonly: set once when the transaction begins
  postgres.startedEmpty = true;
}

describeEachEngine("events and sessions", ({ fresh, connect }) => {
  it("stores each uuid once: the same batch twice counts duplicates and changes no row", async () => {
    const w = await fresh();
    const batch = [
      storedEvent("e1", { at: at(0) }),
      storedEvent("e2", { at: at(30) }),
      storedEvent("e3", { at: at(10), sessionId: "s2" }),
      storedEvent("e4", { at: at(20), sessionId: null, distinctId: "user-2" }), // user-2 has no session to join
    ];
    expect(await importEvents(w, batch)).toEqual({ inserted: 4, duplicates: 0, sessionsTouched: 2, sessionless: 1 });
    const before = await w.sessionSignals(["s1", "s2"]);
    expect(await importEvents(w, [...batch, batch[0] as StoredEvent])).toEqual({ inserted: 0, duplicates: 5, sessionsTouched: 0, sessionless: 0 });
    expect(await w.countEvents()).toBe(4);
    expect(await w.sessionSignals(["s1", "s2"])).toEqual(before);
  });

  it("keeps a uuid's first event when one batch repeats it, into an empty warehouse and into one with events", async () => {
    const w = await fresh();
    expect(await importEvents(w, [storedEvent("r1", { at: at(0) }), storedEvent("r1", { at: at(5) }), storedEvent("r2", { at: at(10) })])).toEqual({ inserted: 2, duplicates: 1, sessionsTouched: 1, sessionless: 0 });
    expect(await importEvents(w, [storedEvent("r3", { at: at(20) }), storedEvent("r3", { at: at(25) })])).toEqual({ inserted: 1, duplicates: 1, sessionsTouched: 1, sessionless: 0 });
    expect((await w.sessionEvents("s1")).map((e) => [e.uuid, e.timestamp])).toEqual([["r1", at(0)], ["r2", at(10)], ["r3", at(20)]]);
  });

  it("stores batches added before the last one is stored in the order added: a uuid the next batch repeats is its duplicate", async () => {
    for (const startsEmpty of [true, false]) {
      const w = await fresh();
      if (!startsEmpty) await importEvents(w, [storedEvent("old", { at: at(0), sessionId: "s0" })]);
      const session = await openImport(w);
      // "old" is a duplicate only where it was stored before.
      const repeats = startsEmpty ? 1 : 2;
      try {
        // Not awaited one by one: the second batch is handed over while the first is still being stored.
        const first = session.add([storedEvent("p1", { at: at(10) }), storedEvent("p2", { at: at(20) })]);
        const second = session.add([storedEvent("p2", { at: at(25) }), storedEvent("p3", { at: at(30) }), storedEvent("old", { at: at(35) })]);
        // A third before either is stored (SQLite: it takes the first batch's buffer once that is read out).
        const third = session.add([storedEvent("p4", { at: at(40) })]);
        expect(await Promise.all([first, second, third])).toEqual([{ inserted: 2, duplicates: 0 }, { inserted: 3 - repeats, duplicates: repeats }, { inserted: 1, duplicates: 0 }]);
        expect(await session.commit()).toMatchObject({ inserted: 6 - repeats, duplicates: repeats });
      } finally {
        await session.abort(); // a failed expectation must not leave the import holding the warehouse
      }
      const s1 = [["p1", at(10)], ["p2", at(20)], ["p3", at(30)], ...(startsEmpty ? [["old", at(35)]] : []), ["p4", at(40)]];
      expect((await w.sessionEvents("s1")).map((e) => [e.uuid, e.timestamp])).toEqual(s1);
    }
  });

  it("stores every character as given: tabs, newlines, carriage returns, backslashes, \\N and non-ASCII in ids, names and properties", async () => {
    const w = await fresh();
    const awkward = "a\tb\nc\rd\\e \\N f\u00e9\u4e2d\ud83d\ude00";
    const properties = { text: awkward, nested: { path: "C:\\temp\\n", list: ["\\", "\t"] }, empty: "" };
    const event = storedEvent(`id-${awkward}`, { event: `click ${awkward}`, distinctId: `user ${awkward}`, sessionId: `s ${awkward}`, properties });
    expect(await importEvents(w, [event])).toMatchObject({ inserted: 1 });
    expect(await w.sessionEvents(`s ${awkward}`)).toEqual([event]);
  });

  it("reads a session's events in time order whatever the import order, and signals in id order", async () => {
    const w = await fresh();
    const seen: string[][] = [];
    const recording: Sessionizer = (id, events) => (seen.push(events.map((e) => e.uuid)), computeSignals(id, events));
    await importEvents(w, [storedEvent("b", { at: at(20) }), storedEvent("a", { at: at(40) })], { sessionize: recording });
    await importEvents(w, [storedEvent("c", { at: at(30) }), storedEvent("d", { at: at(0) }), storedEvent("z", { sessionId: "s0" })], { sessionize: recording });
    expect(seen.at(-2)).toEqual(["d", "b", "c", "a"]);
    expect((await w.sessionEvents("s1")).map((e) => e.uuid)).toEqual(["d", "b", "c", "a"]);
    expect((await w.sessionSignals(["s1", "nope", "s0"])).map((s) => s.sessionId)).toEqual(["s0", "s1"]);
  });

  it("a session that gains events is recomputed and its report goes stale", async () => {
    const w = await fresh();
    await importEvents(w, [storedEvent("e1", { at: at(0) }), storedEvent("e2", { at: at(60), sessionId: "s2" })]);
    await w.saveReports([report("s1"), report("s2")]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual([]);
    expect((await importEvents(w, [storedEvent("e1")])).sessionsTouched).toBe(0); // a duplicate touches nothing

    await importEvents(w, [storedEvent("e3", { at: at(90) })]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual(["s1"]);
    const [s1] = await w.sessionSignals(["s1"]);
    expect(s1).toMatchObject({ eventCount: 2, durationSec: 90, lastEventId: "e3", endedAt: at(90) });
    await w.saveReports([report("s1", { score: 4 })]); // re-scoring clears the stale mark
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual([]);
  });

  it("an import is all or nothing: a failure while sessionizing writes no event, session or watermark", async () => {
    const w = await fresh();
    await importEvents(w, [storedEvent("old", { sessionId: "s0" })]);
    const failing: Sessionizer = (id, events) => {
      if (id === "s2") throw new Error("sessionizer broke");
      return computeSignals(id, events);
    };
    const session = await openImport(w, { sessionize: failing });
    await session.add([storedEvent("e1", { sessionId: "s1" }), storedEvent("e2", { sessionId: "s2" }), storedEvent("e3", { sessionId: "s3" }), storedEvent("e4", { sessionId: null })]);
    await expect(session.commit({ watermark: { source: "test", value: "w1" } })).rejects.toThrow("sessionizer broke");
    expect(await w.countEvents()).toBe(1);
    expect(await w.countSessions()).toBe(1);
    expect(await w.sessionSignals(["s1", "s2", "s3"])).toEqual([]);
    expect(await w.watermark("test")).toBeNull();
    await importEvents(w, [storedEvent("e5", { sessionId: "s5" })]); // the connection is free again
    expect(await w.countEvents()).toBe(2);
  });

  it("takes batches in one transaction: nothing is visible to another connection before commit; the watermark commits with them", async () => {
    const w = await fresh();
    const reader = connect(w.location);
    const session = await openImport(w);
    try {
      expect(await session.add([storedEvent("a", { at: at(0) }), storedEvent("b", { at: at(10) })])).toEqual({ inserted: 2, duplicates: 0 });
      expect(await session.add([storedEvent("b", { at: at(10) }), storedEvent("c", { at: at(20) })])).toEqual({ inserted: 1, duplicates: 1 });
      expect(await reader.countEvents()).toBe(0);
      expect(await session.commit({ watermark: { source: "test", value: "w1" } })).toEqual({ inserted: 3, duplicates: 1, sessionsTouched: 1, sessionless: 0 });
    } finally {
      await session.abort(); // a failed expectation above must not leave the import holding the warehouse
    }
    expect(await reader.countEvents()).toBe(3);
    expect((await reader.sessionSignals(["s1"]))[0]).toMatchObject({ eventCount: 3, durationSec: 20 });
    expect(await reader.watermark("test")).toBe("w1");
    await (await openImport(w)).commit({ watermark: { source: "test", value: "w2" } }); // a page with nothing new still advances it
    expect(await reader.watermark("test")).toBe("w2");
  });

  it("abort leaves stored events, sessions and the watermark as they were, and frees the connection; one import at a time", async () => {
    const w = await fresh();
    await importEvents(w, [storedEvent("old", { at: at(0) })]);
    const before = await w.sessionSignals(["s1"]);
    const session = await openImport(w);
    await session.add([storedEvent("new", { at: at(30) }), storedEvent("other", { sessionId: "s2" })]);
    await expect(openImport(w)).rejects.toThrow(/already open/);
    await session.abort();
    await session.abort(); // twice is harmless
    expect(await w.countEvents()).toBe(1);
    expect(await w.sessionSignals(["s1", "s2"])).toEqual(before);
    expect(await w.watermark("test")).toBeNull();
    await (await openImport(w)).abort();
  });

  it("an import says whether the warehouse held no events when it began, and keeps saying it after its writes", async () => {
    const w = await fresh();
    const first = await w.beginImport();
    expect(first.startedEmpty).toBe(true);
    await first.insertEvents([storedEvent("one", { at: at(0) })]);
    expect(first.startedEmpty).toBe(true);
    await first.rollback();
    await importEvents(w, [storedEvent("kept", { at: at(0) })]);
    const second = await w.beginImport();
    expect(second.startedEmpty).toBe(false);
    await second.rollback();
  });

  it("a write the warehouse refuses fails the import, reported by that call or by the next one that waits: nothing is stored", async () => {
    const w = await fresh();
    const tx = await w.beginImport();
    await tx.insertEvents([storedEvent("e1", { at: at(0) })]);
    const refused = { id: "s1", distinctId: "user-1", startedAt: at(0), endedAt: at(0), week: "2026-W02", eventCount: null as unknown as number, signals: {} as SessionSignals };
    await expect(
      (async () => {
        await tx.saveSession(refused); // event_count is NOT NULL
        await tx.commit();
      })(),
    ).rejects.toThrow(/NOT NULL|null value/);
    await tx.rollback();
    expect(await w.countEvents()).toBe(0);
    expect(await w.countSessions()).toBe(0);
    expect((await importEvents(w, [storedEvent("e2", { at: at(5) })])).inserted).toBe(1); // the connection is free again
  });

  it("counts sessions per ISO week, lists the weeks with their sessions, and filters sessions without a report by week, range and limit", async () => {
    const w = await fresh();
    expect(await w.sessionsPerWeek()).toEqual([]);
    await importEvents(w, [
      storedEvent("a", { sessionId: "s-2025w52", at: at(0, "2025-12-22") }),
      storedEvent("b", { sessionId: "s-w02-a", at: at(0, "2026-01-05") }),
      storedEvent("c", { sessionId: "s-w02-b", at: at(0, "2026-01-11") }), // Sunday: still W02
      storedEvent("d", { sessionId: "s-w03", at: at(0, "2026-01-12") }),
    ]);
    expect(await w.sessionsPerWeek()).toEqual([
      { week: "2025-W52", sessions: 1 },
      { week: "2026-W02", sessions: 2 },
      { week: "2026-W03", sessions: 1 },
    ]);
    expect(await w.countSessions("2026-W02")).toBe(2);
    expect(await w.countSessions("2025-W52")).toBe(1);
    expect(await w.countSessions()).toBe(4);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1", week: "2026-W02" })).toEqual(["s-w02-a", "s-w02-b"]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1", limit: 2 })).toEqual(["s-2025w52", "s-w02-a"]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1", range: { fromId: "s-w02-a", toId: "s-w03" } })).toEqual(["s-w02-a", "s-w02-b", "s-w03"]);
  });
});
