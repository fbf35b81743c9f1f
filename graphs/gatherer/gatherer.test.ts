import { describe, it, expect, beforeAll } from "vitest";
import { buildGathererGraph } from "./index.js";
import { BATCH_SIZE } from "./nodes/planBatches.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { SessionReport } from "../../state/report.js";

const SESSIONS = 600;

describe("gatherer graph on a real warehouse", () => {
  let demo: DemoWeek;
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: SESSIONS, seed: 11 });
  });

  it("honours --limit, then scores the rest in batches, then nothing", async () => {
    const graph = buildGathererGraph().compile();
    const limited = await graph.invoke({ week: demo.week, limit: 100 }, { configurable: demo.configurable });
    expect(limited.gatherSummary).toMatchObject({ scored: 100, skipped: 0, failed: 0, analyst: "heuristic" });

    const rest = await graph.invoke({ week: demo.week }, { configurable: demo.configurable });
    expect(rest.plannedBatches).toHaveLength(Math.ceil((SESSIONS - 100) / BATCH_SIZE));
    expect(rest.gatherSummary).toMatchObject({ scored: SESSIONS - 100, skipped: 100, failed: 0 });

    const again = await graph.invoke({ week: demo.week }, { configurable: demo.configurable });
    expect(again.gatherSummary).toMatchObject({ scored: 0, skipped: SESSIONS });

    const reports = await withWarehouse(demo, (w) => w.listReports({ week: demo.week }));
    expect(reports).toHaveLength(SESSIONS);
    expect(new Set(reports.map((r) => r.sessionId)).size).toBe(SESSIONS);
    for (const r of reports) expect(SessionReport.safeParse(r).success).toBe(true);
  });

  it("keeps only counts and id ranges in graph state, never reports", async () => {
    const state = await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const serialized = JSON.stringify(state);
    expect(serialized.length).toBeLessThan(2_000);
    expect(serialized).not.toContain("userIntent");
  });
});
