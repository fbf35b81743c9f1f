import { describe, it, expect } from "vitest";
import { reviewApp } from "./app.js";
import { signedIn } from "./testClient.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { runGatherer } from "../../graphs/host/direct.js";
import { THREADS } from "../../graphs/host/threads.js";
import { leaveGates } from "../../graphs/host/gates.js";
import { pendingGates } from "../../graphs/host/pendingGates.js";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../state/loadProfile.js";
import type { GateTicket } from "../../graphs/pm/nodes/gateAnswers.js";

const TOKEN = "edit-token-0123456789abcdefghijk";

describe("an edit answered in the review app", () => {
  it("files only the tickets the edit keeps, with the edited title; a bad field is refused naming it", async () => {
    const demo = await seedDemoWeek({ sessions: 400, seed: 8 });
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates });
    const [pending] = await pendingGates(demo.settings);
    const listed = (pending?.gate.action_request.args as { tickets: GateTicket[] }).tickets;
    expect(listed.length).toBeGreaterThan(1);
    const kept = listed[0]!;
    const warehouse = openWarehouse(demo.settings.db);
    try {
      const client = signedIn(reviewApp({ settings: demo.settings, warehouse, loaded: loadProfile(demo.settings.config) }, TOKEN), TOKEN);
      const edit = (tickets: unknown[]) => client.post("/gates/answer", { token: TOKEN, thread: pending!.threadId, answer: "edit", edit: JSON.stringify({ tickets }) });

      const bad = await edit([{ fingerprint: kept.fingerprint, priority: 9 }]);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("tickets[0].priority: must be 1 (urgent) to 4 (low)");
      expect(await withWarehouse(demo, (w) => w.listTickets())).toEqual([]);

      const done = await edit([{ fingerprint: kept.fingerprint, title: "Renamed in the review app" }]);
      expect(done.status, await done.clone().text()).toBe(200);
      expect(await done.text()).toContain("edit → the run finished");
    } finally {
      await warehouse.close();
    }
    const filed = await withWarehouse(demo, (w) => w.listTickets());
    expect(filed.map((t) => [t.fingerprint, t.title])).toEqual([[kept.fingerprint, "Renamed in the review app"]]);
  }, 180_000);
});
