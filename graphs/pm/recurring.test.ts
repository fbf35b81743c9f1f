import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Command, INTERRUPT, isInterrupted, MemorySaver } from "@langchain/langgraph";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildPmGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { FakeLinearServer } from "../../testing/fakeLinear.js";
import { simulateWeek, writeSessionsJsonl } from "../../demo/simulator/index.js";
import { ingestFile } from "../../connectors/ingest.js";
import { weekRange } from "../../runtime/week.js";
import type { HumanInterrupt } from "../../state/humanInterrupt.js";
import type { GateTicket } from "./nodes/ticketGate.js";

type Gate = HumanInterrupt<{ week: string; tickets: GateTicket[] }>;
const NEXT_WEEK = "2026-W48";

/** Simulates and ingests another week into the same warehouse, and scores it. */
async function addWeek(demo: DemoWeek, week: string, seed: number): Promise<void> {
  const file = join(demo.settings.dataDir, `events-${week}.jsonl`);
  await writeSessionsJsonl(simulateWeek({ sessions: 1500, seed, weekStart: weekRange(week).start }), file);
  await withWarehouse(demo, (w) => ingestFile(w, file));
  await buildGathererGraph().compile().invoke({ week }, { configurable: demo.configurable });
}

/** Runs the PM on a week to its gate, then answers it; returns the gate and the stage summary. */
async function triage(demo: DemoWeek, week: string, resume: unknown) {
  const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { ...demo.configurable, thread_id: `pm-${week}-${Math.random()}` } };
  const out = await graph.invoke({ week }, config);
  if (!isInterrupted<Gate>(out)) return { gate: null, summary: out.triageSummary };
  const gate = out[INTERRUPT][0]!.value!;
  const done = await graph.invoke(new Command({ resume }), config);
  return { gate, summary: done.triageSummary };
}

describe("a pattern that recurs next week, on the local tracker", () => {
  it("updates its open ticket and reopens a done one; never a twin", async () => {
    const demo = await seedDemoWeek({ sessions: 2000, seed: 31 });
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const first = await triage(demo, demo.week, { type: "accept" });
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets.length).toBe(first.gate!.action_request.args.tickets.length);

    // A human closes one bug ticket as fixed; the bug is still there next week.
    const closed = tickets.find((t) => t.kind === "bug")!;
    await withWarehouse(demo, (w) => w.updateTicket(closed.id, { status: "done" }));
    await addWeek(demo, NEXT_WEEK, 32);
    const second = await triage(demo, NEXT_WEEK, { type: "accept" });
    const actions = new Map(second.gate!.action_request.args.tickets.map((t) => [t.fingerprint, t.action]));
    expect(actions.get(closed.fingerprint)).toBe("reopened");
    for (const t of tickets.filter((x) => x.kind === "bug" && x.id !== closed.id)) expect(actions.get(t.fingerprint)).toBe("updated");

    const after = await withWarehouse(demo, (w) => w.listTickets());
    expect(after.slice(0, tickets.length).map((t) => t.id)).toEqual(tickets.map((t) => t.id));
    expect(new Set(after.map((t) => t.fingerprint)).size).toBe(after.length);
    const patterns = await withWarehouse(demo, (w) => w.listPatterns(NEXT_WEEK));
    // Bugs and improvements alike keep their fingerprints from one week to the next.
    for (const t of tickets) expect(patterns.map((p) => p.fingerprint)).toContain(t.fingerprint);
    expect(after).toHaveLength(tickets.length);
    for (const t of after.filter((x) => tickets.some((y) => y.id === x.id) && x.kind === "bug")) {
      expect(t.sessions).toBe(patterns.find((p) => p.fingerprint === t.fingerprint)?.sessions);
      expect(t.status).toBe("open");
    }
    expect(after.find((t) => t.id === closed.id)?.body).toContain("Reopened by selfheal");
  });
});

describe("a pattern that recurs next week, on Linear", () => {
  let fake: FakeLinearServer;
  const saved = process.env["LINEAR_API_KEY"];
  beforeAll(async () => {
    fake = new FakeLinearServer("lin_api_weekly");
    await fake.start();
    process.env["LINEAR_API_KEY"] = "lin_api_weekly";
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env["LINEAR_API_KEY"];
    else process.env["LINEAR_API_KEY"] = saved;
    await fake.stop();
  });

  it("files Linear issues per ticket answer, then updates open ones and reopens a done one with a comment", async () => {
    const demo = await seedDemoWeek({ sessions: 2000, seed: 41 });
    const profilePath = demo.settings.config!;
    const profile = JSON.parse(readFileSync(profilePath, "utf8")) as Record<string, unknown>;
    writeFileSync(profilePath, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: fake.url } }));
    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });

    // Week N, answered per ticket: ignore the last proposal, raise the first to urgent, accept the rest.
    const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
    const config = { configurable: { ...demo.configurable, thread_id: "pm-linear-1" } };
    const out = await graph.invoke({ week: demo.week }, config);
    if (!isInterrupted<Gate>(out)) throw new Error("expected the gate");
    const proposed = out[INTERRUPT][0]!.value!.action_request.args.tickets;
    const answers = proposed.map((t, i) =>
      i === 0 ? { type: "edit", args: { action: "file_ticket", args: { priority: 1 } } } : i === proposed.length - 1 ? { type: "ignore" } : { type: "accept" },
    );
    const done = await graph.invoke(new Command({ resume: answers }), config);
    expect(done.triageSummary?.gate).toBe("edited");
    expect(fake.issues).toHaveLength(proposed.length - 1);
    expect(fake.issues[0]!.priority).toBe(1);
    const skynet = fake.labels.find((l) => l.name === "skynet")!;
    const bugIssues = fake.issues.filter((i) => i.labelIds.includes(skynet.id));
    expect(bugIssues.length).toBeGreaterThan(0);
    expect(fake.rejected).toEqual([]);

    // Week N+1: the same failures recur; a human closed one as done in Linear meanwhile.
    fake.setState(bugIssues[0]!.identifier, "completed");
    await addWeek(demo, NEXT_WEEK, 42);
    const createdBefore = fake.callsTo("issueCreate").length;
    const second = await triage(demo, NEXT_WEEK, { type: "accept" });
    const actions = new Map(second.gate!.action_request.args.tickets.map((t) => [t.fingerprint, t.action]));
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    const reopened = tickets.find((t) => t.id === bugIssues[0]!.identifier)!;
    expect(actions.get(reopened.fingerprint)).toBe("reopened");
    expect(fake.issues.find((i) => i.identifier === reopened.id)?.stateId).toBe("st-todo");
    expect(fake.comments.map((c) => c.body)).toEqual([expect.stringContaining(`recurred in ${NEXT_WEEK}`)]);
    // Only the pattern ignored last week (and any new one) is created; the others update their issues.
    const newlyCreated = fake.callsTo("issueCreate").length - createdBefore;
    expect(newlyCreated).toBe([...actions.values()].filter((a) => a === "created").length);
    expect(new Set(fake.issues.map((i) => i.description.match(/selfheal-pattern:(\S+)/)?.[1])).size).toBe(fake.issues.length);
    expect(fake.rejected).toEqual([]);
  });
});
