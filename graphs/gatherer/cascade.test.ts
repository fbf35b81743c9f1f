import { readFileSync, writeFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { buildGathererGraph } from "./index.js";
import type { GathererStateType } from "./state.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { llmVersion } from "../../agents/analysts/llm/version.js";
import { heuristicVersion } from "../../agents/analysts/heuristic.js";
import { currentReports } from "../../agents/analysts/currentReports.js";
import { loadProfile } from "../../state/loadProfile.js";

// A middling report fits any session's record, so the record check (recordCheck.ts) never refuses it.
const report = { userIntent: "Build a workflow.", userSuccess: "Got part of it done.", improvement: "", department: "product", score: 6, outcome: "partial", evidence: ["e1"] };
const THRESHOLD = 0.7;

describe("gatherer cascade (scripted model)", () => {
  it("sends only the sessions the rules are unsure of to the model, keeps the rules' report for the rest, and sends nothing twice", async () => {
    const demo = await seedDemoWeek({ sessions: 60, seed: 23 });
    // The profile asks for the cascade; the run asks for nothing ("auto"), as `selfheal run` does.
    const configFile = demo.settings.config ?? "";
    const raw = JSON.parse(readFileSync(configFile, "utf8")) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...raw, models: { gatherer: "scripted" }, gatherer: { mode: "cascade", cascadeThreshold: THRESHOLD } }));
    const profile = loadProfile(demo.settings.config).profile;
    const total = await withWarehouse(demo, (w) => w.countSessions(demo.week));
    const model = new ScriptedChatModel(Array.from({ length: total }, () => ({ toolCalls: [{ name: REPORT_TOOL, args: report }] })));
    const graph = buildGathererGraph().compile();
    const config = { configurable: { ...demo.configurable, models: { gatherer: model } } };

    const first = (await graph.invoke({ week: demo.week }, config)) as GathererStateType;

    const rules = await withWarehouse(demo, (w) => w.listReports({ week: demo.week, analystVersion: heuristicVersion(profile) }));
    expect(rules).toHaveLength(total);
    expect(rules.every((r) => r.analyst === "heuristic" && typeof r.confidence === "number")).toBe(true);
    const unsure = new Set(rules.filter((r) => (r.confidence ?? 0) < THRESHOLD).map((r) => r.sessionId));
    // The demo has both kinds: clear successes and errors, and confused or ambiguous sessions.
    expect(unsure.size).toBeGreaterThan(0);
    expect(unsure.size).toBeLessThan(total);
    // One model request per unsure session, none for the others.
    expect(model.calls).toHaveLength(unsure.size);
    expect(model.remaining).toBe(total - unsure.size);
    expect(first.gatherSummary).toMatchObject({ analyst: "cascade", analystVersion: llmVersion(profile, "scripted"), scored: total, failed: 0, escalated: unsure.size });

    const speaking = await withWarehouse(demo, (w) => currentReports(w, profile, demo.week));
    expect(speaking).toHaveLength(total);
    for (const r of speaking) expect(r.analyst).toBe(unsure.has(r.sessionId) ? "llm" : "heuristic");

    // Run again: every session has the report that speaks for it; no request, nothing rescored.
    const second = (await graph.invoke({ week: demo.week }, config)) as GathererStateType;
    expect(model.calls).toHaveLength(unsure.size);
    expect(second.gatherSummary).toMatchObject({ analyst: "cascade", scored: 0, skipped: total, escalated: 0 });
  });
});
