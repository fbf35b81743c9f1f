import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { Command, MemorySaver } from "@langchain/langgraph";
import { buildWeeklyGraph } from "../weekly/index.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import type { HumanInterrupt } from "../../state/humanInterrupt.js";

describe("Skynet's PR gate inside the weekly graph", () => {
  it("interrupts the weekly thread after the ticket gate and resumes to a proposed fix and the digest", async () => {
    const demo = await seedDemoWeek({ sessions: 600, seed: 5 });
    const file = demo.settings.config!;
    const profile = JSON.parse(readFileSync(file, "utf8")) as { skynet?: Record<string, unknown> };
    writeFileSync(file, JSON.stringify({ ...profile, skynet: { ...profile.skynet, maxTicketsPerRun: 1 } }));
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "edit_file", args: { path: "src/integrations/hubspot.ts", old: '"crm.objects.contacts.read",', new: '"crm.objects.contacts.read",\n  "crm.objects.companies.read",' } }] },
      "Requested the companies scope.",
    ]);
    const graph = buildWeeklyGraph().compile({ checkpointer: new MemorySaver() });
    const config = { configurable: { ...demo.configurable, thread_id: "weekly-gates", models: { skynet: model } }, recursionLimit: 500 };
    const pendingGate = async () => (await graph.getState(config)).tasks.flatMap((t) => t.interrupts).map((i) => i.value as HumanInterrupt)[0] ?? null;

    await graph.invoke({ week: demo.week }, config);
    expect((await pendingGate())?.action_request.action).toBe("file_tickets");
    await graph.invoke(new Command({ resume: { type: "accept" } }), config);
    const prGate = await pendingGate();
    expect(prGate?.action_request.action).toBe("open_pull_request");
    const ticketId = (prGate!.action_request.args as { ticket: string }).ticket;
    expect(await withWarehouse(demo, async (w) => (await w.ticket(ticketId))?.status)).toBe("in_progress");

    const done = await graph.invoke(new Command({ resume: { type: "accept" } }), config);
    expect(await pendingGate()).toBeNull();
    expect(done.fixSummary?.attempts).toHaveLength(1);
    expect(done.fixSummary?.attempts[0]).toMatchObject({ ticket: ticketId, status: "pr_opened", pr: { url: expect.stringMatching(/^file:/) } });
    expect(done.digest?.path && existsSync(done.digest.path)).toBe(true);
    expect(await withWarehouse(demo, async (w) => (await w.ticket(ticketId))?.status)).toBe("in_review");
    expect(model.remaining).toBe(0);
  }, 60_000);
});
