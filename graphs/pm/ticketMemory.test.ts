import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Command, INTERRUPT, isInterrupted, MemorySaver } from "@langchain/langgraph";
import { readFileSync, writeFileSync } from "node:fs";
import { buildPmGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { FakeOpenAIServer } from "../../testing/fakeOpenAI.js";
import { newTicket } from "../../testing/records.js";
import type { HumanInterrupt } from "../../state/humanInterrupt.js";
import type { GateTicket } from "./nodes/ticketGate.js";

type Gate = HumanInterrupt<{ week: string; tickets: GateTicket[] }>;

/** The PM on the week to its gate; the gate's proposals, and the summary once accepted when `accept`. */
async function triage(demo: DemoWeek, accept: boolean) {
  const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { ...demo.configurable, thread_id: `pm-memory-${Math.random()}` } };
  const out = await graph.invoke({ week: demo.week }, config);
  if (!isInterrupted<Gate>(out)) throw new Error("expected the ticket gate");
  const proposed = out[INTERRUPT][0]!.value!.action_request.args.tickets;
  if (accept) await graph.invoke(new Command({ resume: { type: "accept" } }), config);
  return proposed;
}

/**
 * The demo's week with one bug already ticketed under the fingerprint it had before the code moved
 * (same failure, same words, another fingerprint): the situation fingerprint matching cannot see.
 */
async function weekWithRenamedTicket(embeddings: boolean): Promise<{ demo: DemoWeek; bug: GateTicket; oldId: string }> {
  const demo = await seedDemoWeek({ sessions: 800, seed: 57 });
  const file = demo.settings.config ?? "";
  const profile = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...profile, models: embeddings ? { embeddings: "text-embedding-3-small" } : {} }));
  await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
  const bug = (await triage(demo, false)).find((t) => t.kind === "bug");
  if (!bug) throw new Error("the demo week has no bug to ticket");
  const old = await withWarehouse(demo, (w) => w.insertTicket(newTicket("exc-before-the-refactor", { title: bug.title, kind: "bug" })));
  return { demo, bug, oldId: old.id };
}

describe("the PM remembers tickets by meaning across fingerprints (fake embeddings endpoint)", () => {
  const server = new FakeOpenAIServer();
  let url: string;
  beforeAll(async () => (url = await server.start()));
  afterAll(() => server.stop());
  afterEach(() => vi.unstubAllEnvs());

  it("attaches a pattern with a new fingerprint to the open ticket that means the same instead of filing a twin", async () => {
    const { demo, bug, oldId } = await weekWithRenamedTicket(true);
    vi.stubEnv("OPENAI_BASE_URL", url);
    vi.stubEnv("OPENAI_API_KEY", "fake");
    const before = server.requests.filter((r) => r.path.endsWith("/embeddings")).length;
    const proposed = await triage(demo, true);
    expect(server.requests.filter((r) => r.path.endsWith("/embeddings")).length).toBeGreaterThan(before);
    const again = proposed.find((t) => t.title === bug.title);
    expect(again).toMatchObject({ fingerprint: "exc-before-the-refactor", action: "updated" });
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets.filter((t) => t.title === bug.title).map((t) => t.id)).toEqual([oldId]);
    expect(tickets.some((t) => t.fingerprint === bug.fingerprint)).toBe(false);
  });

  it("offline (no embeddings model, or an endpoint that serves none) files by fingerprint as before", async () => {
    const offline = await weekWithRenamedTicket(false);
    vi.stubEnv("OPENAI_BASE_URL", url);
    const proposed = await triage(offline.demo, true);
    expect(proposed.find((t) => t.title === offline.bug.title)).toMatchObject({ fingerprint: offline.bug.fingerprint, action: "created" });

    const chatOnly = await weekWithRenamedTicket(true);
    server.servesEmbeddings = false;
    try {
      const same = await triage(chatOnly.demo, true);
      expect(same.find((t) => t.title === chatOnly.bug.title)).toMatchObject({ fingerprint: chatOnly.bug.fingerprint, action: "created" });
      expect(same.map((t) => t.fingerprint)).toEqual(proposed.map((t) => t.fingerprint));
    } finally {
      server.servesEmbeddings = true;
    }
  });
});
