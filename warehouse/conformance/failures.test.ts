import { expect, it } from "vitest";
import { importEvents } from "../../connectors/importer.js";
import { storedEvent } from "../../testing/events.js";
import { report, tick } from "../../testing/records.js";
import { describeEachEngine } from "./engines.js";

const failure = (sessionId: string, reason: string, analystVersion = "v1") => ({ sessionId, analystVersion, reason, retries: 2 });

describeEachEngine("session failures", ({ fresh }) => {
  it("keeps each session's latest failure per analyst version, counting them, until a report of that version clears it", async () => {
    const w = await fresh();
    await importEvents(w, [storedEvent("e1"), storedEvent("e2", { sessionId: "s2" }), storedEvent("e3", { sessionId: "s3", at: "2026-01-20T10:00:00.000Z" })]);
    await w.recordFailures([failure("s2", "model request failed: 503"), failure("s1", "invalid report after one repair: score 11")]);
    await tick();
    await w.recordFailures([failure("s1", "model request failed: timeout"), failure("s1", "other version", "v2"), failure("s3", "no tool call")]);
    const all = await w.listFailures();
    expect(all.map((f) => [f.sessionId, f.analystVersion, f.reason, f.failures, f.retries])).toEqual([
      ["s1", "v1", "model request failed: timeout", 2, 2],
      ["s1", "v2", "other version", 1, 2],
      ["s2", "v1", "model request failed: 503", 1, 2],
      ["s3", "v1", "no tool call", 1, 2],
    ]);
    expect(all[0]?.failedAt && all[2]?.failedAt && all[0].failedAt > all[2].failedAt).toBe(true); // the latest failure's time
    expect((await w.listFailures({ week: "2026-W04", analystVersion: "v1" })).map((f) => f.sessionId)).toEqual(["s3"]);

    await w.saveReports([report("s1"), report("s2", { analystVersion: "v2" })]);
    expect((await w.listFailures()).map((f) => [f.sessionId, f.analystVersion])).toEqual([
      ["s1", "v2"],
      ["s2", "v1"],
      ["s3", "v1"],
    ]);
    await expect(w.recordFailures([failure("s1", "fine"), failure("nope", "an unknown session")])).rejects.toThrow();
    expect((await w.listFailures({ analystVersion: "v1" })).map((f) => f.sessionId)).toEqual(["s2", "s3"]); // all or none
  });
});
