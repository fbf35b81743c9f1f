import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reviewGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek } from "../../testing/demoWeek.js";

describe("review graph", () => {
  it("writes the week's digest into the data folder from the real warehouse", async () => {
    const demo = await seedDemoWeek({ sessions: 300, seed: 51 });
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const out = await reviewGraph.invoke({ week: demo.week }, { configurable: demo.configurable });
    expect(out.digest?.path).toBe(join(demo.settings.dataDir, "digests", `${demo.week}.html`));
    expect(out.digest?.summary).toMatchObject({ week: demo.week, sessions: 300 });
    const html = readFileSync(out.digest!.path, "utf8");
    expect(html).toContain("Acme");
    expect(html).toContain(demo.week);
  });

  it("refuses to run without a week", async () => {
    const demo = await seedDemoWeek({ sessions: 100, seed: 52 });
    await expect(reviewGraph.invoke({}, { configurable: demo.configurable })).rejects.toThrow(/needs a week/);
  });
});
