import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { reviewApp } from "./app.js";
import { signedIn } from "./testClient.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { runGatherer } from "../../graphs/host/direct.js";
import { THREADS } from "../../graphs/host/threads.js";
import { leaveGates } from "../../graphs/host/gates.js";
import { pendingGates } from "../../graphs/host/pendingGates.js";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../state/loadProfile.js";
import type { Warehouse } from "../../warehouse/types.js";

const TOKEN = "gate-token-0123456789abcdefghij";

describe("the review app's gates", () => {
  let demo: DemoWeek;
  let warehouse: Warehouse;
  let client: ReturnType<typeof signedIn>;
  let thread: string;

  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 400, seed: 5 });
    await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
    expect((await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates })).status).toBe("waiting");
    thread = THREADS.triage.threadId(demo.week);
    warehouse = openWarehouse(demo.settings.db);
    client = signedIn(reviewApp({ settings: demo.settings, warehouse, loaded: loadProfile(demo.settings.config) }, TOKEN), TOKEN);
  }, 180_000);
  afterAll(() => warehouse?.close());

  const answer = (fields: Record<string, string>) => client.post("/gates/answer", { token: TOKEN, thread, ...fields });

  it("lists the waiting gate with the answers its config allows", async () => {
    const html = await (await client.get("/gates")).text();
    expect(html).toContain(thread);
    expect(html).toContain("file_tickets");
    expect(html).toContain(`value="accept"`);
    expect(html).toContain(`value="ignore"`);
    expect(html).toContain(`value="edit"`);
    expect(html).not.toContain(`value="response"`); // the ticket gate takes no free-text response
  });

  it("refuses an answer the gate does not allow, or an edit that is no JSON object, and the gate keeps waiting", async () => {
    const respond = await answer({ answer: "response", text: "file them later" });
    expect(respond.status).toBe(400);
    expect(await respond.text()).toContain("does not allow");
    const edit = await answer({ answer: "edit", edit: "[1, 2" });
    expect(edit.status).toBe(400);
    expect(await edit.text()).toContain("JSON object");
    const unknown = await answer({ answer: "approve" });
    expect(unknown.status).toBe(400);
    expect((await pendingGates(demo.settings)).map((p) => p.threadId)).toEqual([thread]);
    expect(await withWarehouse(demo, (w) => w.listTickets())).toEqual([]);
  });

  it("accept resumes the checkpointed run, which files the tickets, and shows its result; the gate is then gone", async () => {
    const response = await answer({ answer: "accept" });
    const html = await response.text();
    expect(response.status, html).toBe(200);
    expect(html).toContain(`${thread}</strong>: accept → the run finished`);
    const filed = await withWarehouse(demo, (w) => w.listTickets());
    expect(filed.length).toBeGreaterThan(0);
    for (const t of filed) expect(html).toContain(t.id);
    expect(await pendingGates(demo.settings)).toEqual([]);
    const again = await answer({ answer: "accept" });
    expect(again.status).toBe(409);
    expect(await withWarehouse(demo, (w) => w.listTickets())).toHaveLength(filed.length);
  }, 120_000);
});
