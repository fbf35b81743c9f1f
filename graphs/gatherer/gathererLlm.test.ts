import { describe, it, expect } from "vitest";
import { buildGathererGraph } from "./index.js";
import type { GathererStateType } from "./state.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { llmVersion } from "../../agents/analysts/llm/version.js";
import { loadProfile } from "../../state/loadProfile.js";

// A middling report fits any session's record, so the record check (recordCheck.ts) never refuses it.
const report = { userIntent: "Build a workflow.", userSuccess: "Got part of it done.", improvement: "", department: "product", score: 6, outcome: "partial", evidence: ["e1"] };

describe("gatherer graph with the LLM analyst (scripted model)", () => {
  it("carries the analyst choice in state, streams progress per report and keeps only counts in state", async () => {
    const demo = await seedDemoWeek({ sessions: 24, seed: 17 });
    const total = await withWarehouse(demo, (w) => w.countSessions(demo.week));
    const model = new ScriptedChatModel(Array.from({ length: 10 }, () => ({ toolCalls: [{ name: REPORT_TOOL, args: report }] })));
    const graph = buildGathererGraph().compile();
    const stream = await graph.stream(
      { week: demo.week, analyst: "llm", limit: 10, concurrency: 3 },
      { configurable: { ...demo.configurable, models: { gatherer: model } }, streamMode: ["custom", "values"] },
    );
    let progress = 0;
    let last: GathererStateType | null = null;
    for await (const [mode, chunk] of stream) {
      if (mode === "custom") progress += (chunk as { scored?: number }).scored ?? 0;
      else last = chunk as GathererStateType;
    }
    const version = llmVersion(loadProfile(demo.settings.config).profile, "scripted");
    expect(last?.gatherSummary).toEqual({ scored: 10, skipped: 0, failed: 0, analyst: "llm", analystVersion: version, firstFailure: null, failures: [] });
    expect(progress).toBe(10);
    expect(model.calls).toHaveLength(10);
    expect(model.remaining).toBe(0);
    expect(JSON.stringify(last)).not.toContain("userIntent");

    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week, analystVersion: version }));
    expect(reports).toHaveLength(10);
    for (const r of reports) {
      const events = await withWarehouse(demo, (w) => w.sessionEvents(r.sessionId));
      // "e1" is the session's first kept event: its first page view.
      expect(r.evidence).toEqual([events.find((e) => e.event === "$pageview")?.uuid]);
    }
    // The rules' reports are another version: the same sessions are still pending for them.
    const rules = await graph.invoke({ week: demo.week }, { configurable: demo.configurable });
    expect(rules.gatherSummary).toMatchObject({ scored: total, analyst: "heuristic" });
  });

  it("refuses --analyst llm without a model, naming the setting", async () => {
    const demo = await seedDemoWeek({ sessions: 5, seed: 18 });
    await expect(buildGathererGraph().compile().invoke({ week: demo.week, analyst: "llm" }, { configurable: demo.configurable })).rejects.toThrow(/models.*gatherer/);
  });
});
