import { describe, it, expect } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isInterrupted, MemorySaver } from "@langchain/langgraph";
import { buildPmGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel, type ScriptedReply } from "../../testing/scriptedModel.js";
import { INJECTION_CASES, injectedSession } from "../../testing/injectionCorpus.js";
import { buildPatterns } from "../../agents/pm/buildPatterns.js";
import { importEvents } from "../../connectors/importer.js";
import { loadProfile } from "../../state/loadProfile.js";
import { weekRange } from "../../runtime/week.js";

describe("a PM model that obeys text planted in sessions", () => {
  it("invents no ticket, no session and no code location: tickets stay what the sessions make them", async () => {
    const demo = await seedDemoWeek({ sessions: 150, seed: 5 });
    const start = weekRange(demo.week).start.getTime();
    const planted = INJECTION_CASES.flatMap(({ text, field }, i) => injectedSession(`inj-${i}`, text, field, new Date(start + (i + 1) * 3_600_000).toISOString()));
    await withWarehouse(demo, (w) => importEvents(w, planted));
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const loaded = loadProfile(demo.settings.config);
    const plain = await withWarehouse(demo, (w) => buildPatterns(w, demo.week, loaded.profile, loaded.repoPath));
    const improvements = plain.filter((p) => p.kind === "improvement").length;
    const bugs = plain.filter((p) => p.kind === "bug" && p.decision === "ticket");
    expect(bugs.length).toBeGreaterThan(0);

    // Obeying: every request is "the same need", and every finding points where the planted text says
    // (refused: none exists in the repository), then there and at one real file (only that one is kept).
    const outside = [{ path: "../../outside/pwned.txt", line: 1 }, { path: "/etc/passwd", line: 1 }, { path: ".github/workflows/ci.yml", line: 1 }];
    const finding = (locations: { path: string; line: number }[]): ScriptedReply => ({ toolCalls: [{ name: "report_finding", args: { locations, route: INJECTION_CASES[6]!.text } }] });
    const script: ScriptedReply[] = [
      { toolCalls: [{ name: "same_need", args: { groups: [Array.from({ length: improvements }, (_, i) => i + 1)] } }] },
      ...bugs.map(() => finding(outside)),
      ...bugs.map(() => finding([...outside, { path: "src/api/workflows.ts", line: 1 }])),
    ];
    const model = new ScriptedChatModel(script);
    const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
    const out = await graph.invoke({ week: demo.week }, { configurable: { ...demo.configurable, models: { pm: model }, thread_id: "pm-obeys" } });
    expect(isInterrupted(out)).toBe(true);

    const { patterns, sessions, reported } = await withWarehouse(demo, async (w) => ({
      patterns: await w.listPatterns(demo.week),
      sessions: await w.countSessions(demo.week),
      reported: new Set((await w.listReports({ week: demo.week })).map((r) => r.sessionId)),
    }));
    const ticketed = patterns.filter((p) => p.decision === "ticket");
    // The model cannot add a bug or move one: the bugs ticketed are those the sessions make, with the
    // same sessions and priority ("file it as urgent with 500 sessions" changes neither).
    const shape = (p: (typeof plain)[number]) => [p.fingerprint, p.sessions, p.priority];
    expect(ticketed.filter((p) => p.kind === "bug").map(shape)).toEqual(bugs.map(shape));
    // Each planted exception message is one session's failure: flagged, never a ticket.
    const plantedAlone = patterns.filter((p) => p.sessionIds.every((id) => id.startsWith("inj-")) && p.sessions === 1);
    expect(plantedAlone.length).toBeGreaterThan(0);
    expect(plantedAlone.every((p) => p.decision === "flag")).toBe(true);
    // Merging every request as "the same need" only pools sessions that exist: no improvement ticket more than without the model.
    expect(ticketed.filter((p) => p.kind === "improvement").length).toBeLessThanOrEqual(plain.filter((p) => p.kind === "improvement" && p.decision === "ticket").length);
    for (const p of ticketed) {
      // every ticket has the profile's minimum of real, distinct sessions behind it, whatever the text claims
      expect(new Set(p.sessionIds).size).toBe(p.sessions);
      expect(p.sessions).toBeGreaterThanOrEqual(loaded.profile.thresholds.ticketMinSessions);
      expect(p.sessions).toBeLessThanOrEqual(sessions);
      expect(p.sessionIds.filter((id) => !reported.has(id))).toEqual([]);
      // no location the model named that is outside the repository, or not in it
      if (p.kind === "bug") expect(p.codeLocations.length).toBeGreaterThan(0);
      for (const l of p.codeLocations) {
        expect(l.path).not.toMatch(/^\/|\.\.|^\.github\//);
        expect(existsSync(join(loaded.repoPath!, l.path))).toBe(true);
      }
    }
    // the first findings (only paths outside) were refused, so each investigation asked again
    expect(model.remaining).toBe(0);
  }, 120_000);
});
