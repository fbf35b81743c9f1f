import { describe, expect, it } from "vitest";
import { importEvents } from "../../connectors/importer.js";
import { at, storedEvent } from "../../testing/events.js";
import { report } from "../../testing/records.js";
import { describeEachEngine } from "../../warehouse/conformance/engines.js";
import { collect, keyedReports, preferModel, reportStream, type KeyedReport } from "./reportStream.js";

async function* keyed(items: [string, number][], analystVersion: string): AsyncGenerator<KeyedReport> {
  for (const [sessionId, t] of items) yield { report: report(sessionId, { analystVersion }), startedAt: at(t) };
}

describeEachEngine("reportStream", ({ fresh }) => {
  it("reads a week larger than one page completely, in listReports' order", async () => {
    const w = await fresh();
    const ids = ["s1", "s2", "s3", "s4", "s5", "s6", "s7"];
    await importEvents(w, ids.map((s, i) => storedEvent(`e${i}`, { sessionId: s, at: at(i % 3) })));
    await w.saveReports(ids.map((s) => report(s)));
    const listed = (await w.listReports({ analystVersion: "v1" })).map((r) => r.sessionId);
    expect((await collect(reportStream(w, { analystVersion: "v1" }, 2))).map((r) => r.sessionId)).toEqual(listed);
    expect(listed).toHaveLength(7);
    expect((await collect(keyedReports(w, { analystVersion: "v1" }, 3))).map((k) => k.startedAt)).toEqual([at(0), at(0), at(0), at(1), at(1), at(2), at(2)]);
  });
});

describe("preferModel", () => {
  it("puts the model's report in the rules' place where both scored a session; sessions only the model scored follow, in its order", async () => {
    const rules = keyed([["a", 0], ["c", 10], ["d", 10], ["f", 30]], "rules");
    const model = keyed([["b", 5], ["c", 10], ["e", 20], ["f", 30], ["g", 40]], "model");
    const merged = (await collect(preferModel(rules, model))).map((r) => `${r.sessionId}:${r.analystVersion}`);
    expect(merged).toEqual(["a:rules", "c:model", "d:rules", "f:model", "b:model", "e:model", "g:model"]);
  });

  it("is the rules' alone when the model scored nothing, and the model's alone when the rules scored nothing", async () => {
    expect((await collect(preferModel(keyed([["a", 0], ["b", 1]], "rules"), keyed([], "model")))).map((r) => r.sessionId)).toEqual(["a", "b"]);
    expect((await collect(preferModel(keyed([], "rules"), keyed([["a", 0], ["b", 1]], "model")))).map((r) => r.sessionId)).toEqual(["a", "b"]);
  });
});
