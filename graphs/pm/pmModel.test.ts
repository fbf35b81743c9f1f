import { describe, it, expect } from "vitest";
import { isInterrupted, MemorySaver } from "@langchain/langgraph";
import { buildPmGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel, type ScriptedReply } from "../../testing/scriptedModel.js";
import { buildPatterns } from "../../agents/pm/buildPatterns.js";
import { DEFAULT_STEP_BUDGET } from "../../agents/pm/investigate.js";
import { loadProfile } from "../../state/loadProfile.js";

describe("PM graph with a (scripted) model", () => {
  it("investigates each ticketed bug with the tools, and falls back to the search when a run exhausts its budget", async () => {
    const demo = await seedDemoWeek({ sessions: 2000, seed: 21 });
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const loaded = loadProfile(demo.settings.config);
    // The model-less reading gives the order the PM meets the bugs in, and their located crash sites.
    const plain = await withWarehouse(demo, (w) => buildPatterns(w, demo.week, loaded.profile, loaded.repoPath));
    const bugs = plain.filter((p) => p.kind === "bug" && p.decision === "ticket");
    expect(bugs).toHaveLength(4);

    // First the model compares the improvement groups (it merges none here), then investigates the bugs.
    const script: ScriptedReply[] = [{ toolCalls: [{ name: "same_need", args: { groups: [] } }] }];
    bugs.forEach((bug, i) => {
      if (i === 1) {
        for (let s = 0; s < DEFAULT_STEP_BUDGET; s++) script.push({ toolCalls: [{ name: "list_files", args: { under: "src" } }] });
        return;
      }
      const site = bug.codeLocations[0]!;
      script.push({ toolCalls: [{ name: "read_file", args: { path: site.path, start: Math.max(1, (site.line ?? 1) - 5), end: (site.line ?? 1) + 5 } }] });
      script.push({ toolCalls: [{ name: "report_finding", args: { locations: [site], route: `Model route ${i}: guard the failing call in ${site.path} and add a regression test.` } }] });
    });
    const model = new ScriptedChatModel(script);

    const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
    const out = await graph.invoke({ week: demo.week }, { configurable: { ...demo.configurable, models: { pm: model }, thread_id: "pm-model" } });
    expect(isInterrupted(out)).toBe(true);
    expect(model.remaining).toBe(0);
    expect(model.calls).toHaveLength(1 + 3 * 2 + DEFAULT_STEP_BUDGET);

    const patterns = await withWarehouse(demo, (w) => w.listPatterns(demo.week));
    expect(patterns.map((p) => [p.fingerprint, p.sessions])).toEqual(plain.map((p) => [p.fingerprint, p.sessions]));
    bugs.forEach((bug, i) => {
      const got = patterns.find((p) => p.fingerprint === bug.fingerprint)!;
      expect(got.codeLocations[0]).toEqual(bug.codeLocations[0]);
      if (i === 1) expect(got.route).toBe(bug.route); // over budget: the deterministic route, not a model's
      else expect(got.route).toBe(`Model route ${i}: guard the failing call in ${bug.codeLocations[0]!.path} and add a regression test.`);
    });
    // Flagged patterns and improvements are not sent to the model.
    const prompts = model.calls.slice(1).map((c) => String(c.messages[1]?.content ?? ""));
    const flagged = plain.filter((p) => p.decision === "flag");
    for (const f of flagged) expect(prompts.some((p) => p.includes(f.signal))).toBe(false);
  });
});
