import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { acceptGates, leaveGates } from "./gates.js";
import { THREADS } from "./threads.js";
import { runGatherer } from "./direct.js";

describe("a gate proposed from other inputs than today's", () => {
  it("is not answered after the profile changed: the thread starts over on the new reports and its new gate waits for a fresh answer", async () => {
    const demo = await seedDemoWeek({ sessions: 300, seed: 17 });
    const config = demo.settings.config!;
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    expect((await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates })).status).toBe("waiting");

    // Re-indenting the file is no change: the waiting proposal is still the one answered.
    const profile = JSON.parse(readFileSync(config, "utf8")) as { successEvents: string[] };
    writeFileSync(config, JSON.stringify(profile));
    const lines: string[] = [];
    const untouched = await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates, progress: (l) => lines.push(l) });
    expect(untouched.status).toBe("waiting");
    expect(lines.join("\n")).not.toMatch(/starts again/);

    writeFileSync(config, JSON.stringify({ ...profile, successEvents: [...profile.successEvents, "an_event_no_session_has"] }, null, 2));
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    const accepted = await THREADS.triage.run(demo.settings, demo.week, { answer: acceptGates(), progress: (l) => lines.push(l) });
    expect(accepted.status).toBe("waiting");
    expect(lines.join("\n")).toMatch(/computed before the profile changed: it starts again/);
    expect(await withWarehouse(demo, (w) => w.listTickets())).toEqual([]);

    const answered = await THREADS.triage.run(demo.settings, demo.week, { answer: acceptGates() });
    expect(answered.status).toBe("done");
    expect((await withWarehouse(demo, (w) => w.listTickets())).length).toBeGreaterThan(0);
  }, 120_000);

  it("is not answered after more of the week's sessions were imported", async () => {
    const demo = await seedDemoWeek({ sessions: 300, seed: 18 });
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    expect((await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates })).status).toBe("waiting");
    const late = await seedDemoWeek({ sessions: 40, seed: 19, db: demo.settings.db });
    expect(late.week).toBe(demo.week);
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    const lines: string[] = [];
    const accepted = await THREADS.triage.run(demo.settings, demo.week, { answer: acceptGates(), progress: (l) => lines.push(l) });
    expect(accepted.status).toBe("waiting");
    expect(lines.join("\n")).toMatch(/the week's sessions changed \(300 → 340\)/);
  }, 120_000);
});
