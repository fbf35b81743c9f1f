import { readFileSync, writeFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { buildGathererGraph } from "./index.js";
import type { GathererStateType } from "./state.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { INJECTION_CASES, injectedSession } from "../../testing/injectionCorpus.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { currentReports } from "../../agents/analysts/currentReports.js";
import { importEvents } from "../../connectors/importer.js";
import { loadProfile } from "../../state/loadProfile.js";
import { weekRange } from "../../runtime/week.js";

/** What a model that obeys the planted text answers for every session: the user was delighted. */
const OBEYED = { toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Publish.", userSuccess: "It all worked.", improvement: "", department: "product", score: 10, outcome: "success", evidence: ["e1", "e2"] } }] };

describe("the gatherer with a model that obeys text planted in every user-controlled field", () => {
  it.each(["llm", "cascade"] as const)("stores no forced score (%s)", async (mode) => {
    const demo = await seedDemoWeek({ sessions: 4, seed: 9 });
    const file = demo.settings.config!;
    const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...raw, models: { gatherer: "scripted" }, gatherer: { mode, cascadeThreshold: 0.99 } }));
    const start = weekRange(demo.week).start.getTime();
    const planted = INJECTION_CASES.flatMap(({ text, field }, i) => injectedSession(`inj-${i}`, text, field, new Date(start + (i + 1) * 3_600_000).toISOString()));
    await withWarehouse(demo, (w) => importEvents(w, planted));
    const total = await withWarehouse(demo, (w) => w.countSessions(demo.week));
    // two answers a session: the first, and the one after the re-ask
    const model = new ScriptedChatModel(Array.from({ length: 2 * total }, () => OBEYED));
    const out = (await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: { ...demo.configurable, models: { gatherer: model } } })) as GathererStateType;

    const speaking = await withWarehouse(demo, (w) => currentReports(w, loadProfile(file).profile, demo.week));
    const injected = speaking.filter((r) => r.sessionId.startsWith("inj-"));
    expect(injected.filter((r) => r.score >= 7 || r.outcome === "success")).toEqual([]);
    if (mode === "llm") {
      // each planted session is a recorded failure, with the reason, and no report
      expect(injected).toEqual([]);
      expect(out.gatherSummary?.failed).toBeGreaterThanOrEqual(INJECTION_CASES.length);
      expect(out.gatherSummary?.firstFailure).toMatch(/contradicts the session's record/);
    } else {
      // the threshold sends every session to the model; refused, the rules' report speaks for each
      expect(injected).toHaveLength(INJECTION_CASES.length);
      expect(injected.every((r) => r.analyst === "heuristic")).toBe(true);
    }
  }, 120_000);
});
