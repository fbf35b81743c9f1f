import { describe, it, expect, beforeAll } from "vitest";
import { Command, INTERRUPT, isInterrupted, MemorySaver } from "@langchain/langgraph";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPmGraph } from "./index.js";
import { buildGathererGraph } from "../gatherer/index.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { bugFrames, type BugName } from "../../demo/simulator/index.js";
import { HumanInterruptSchema, type HumanInterrupt } from "../../state/humanInterrupt.js";
import type { GateTicket } from "./nodes/ticketGate.js";
import type { FailurePattern } from "../../state/pattern.js";

type Gate = HumanInterrupt<{ week: string; tickets: GateTicket[] }>;

async function freshDemo(seed: number): Promise<DemoWeek> {
  const demo = await seedDemoWeek({ sessions: 2000, seed });
  await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
  return demo;
}

/** Runs the PM up to its gate; returns the graph, its thread config and the gate payload. */
async function untilGate(demo: DemoWeek, thread: string) {
  const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { ...demo.configurable, thread_id: thread } };
  const out = await graph.invoke({ week: demo.week }, config);
  if (!isInterrupted<Gate>(out)) throw new Error("expected the PM to stop at its gate");
  const gate = out[INTERRUPT][0]?.value;
  if (!gate) throw new Error("the interrupt carried no payload");
  return { graph, config, gate };
}

describe("PM graph on the demo's simulated week", () => {
  let demo: DemoWeek;
  let patterns: FailurePattern[];
  let gate: Gate;

  beforeAll(async () => {
    demo = await freshDemo(5);
    const run = await untilGate(demo, "pm-accept");
    gate = run.gate;
    await run.graph.invoke(new Command({ resume: [{ type: "accept" }] }), run.config);
    patterns = await withWarehouse(demo, (w) => w.listPatterns(demo.week));
  });

  it("asks a human first, with an Agent Inbox HumanInterrupt listing the proposed tickets", () => {
    expect(gate.action_request.action).toBe("file_tickets");
    expect(HumanInterruptSchema.safeParse(gate).success).toBe(true);
    expect(gate.config).toEqual({ allow_accept: true, allow_edit: true, allow_respond: false, allow_ignore: true });
    expect(gate.description).toContain("ticket");
    const ticketed = patterns.filter((p) => p.decision === "ticket");
    expect(gate.action_request.args.tickets.map((t) => t.fingerprint).sort()).toEqual(ticketed.map((p) => p.fingerprint).sort());
  });

  const bugs: BugName[] = ["hubspot_scope", "tool_timeout", "workflow_schema", "csv_bom"];
  for (const bug of bugs) {
    it(`groups ${bug} into one bug pattern with >= 90% of its sessions and its real crash site`, () => {
      const sessions = [...demo.scenarios].filter(([, s]) => s === `bug_${bug}`).map(([id]) => id);
      const best = patterns
        .map((p) => ({ p, hits: p.sessions }))
        .filter(({ p }) => p.kind === "bug")
        .find(({ p }) => p.sessionIds.every((id) => demo.scenarios.get(id) === `bug_${bug}`));
      expect(best).toBeDefined();
      const pattern = best!.p;
      expect(pattern.sessions).toBeGreaterThanOrEqual(Math.ceil(sessions.length * 0.9));
      expect(pattern.sessions).toBeLessThanOrEqual(sessions.length);
      const crash = bugFrames()[bug].at(-1)!;
      expect(pattern.codeLocations[0]).toEqual({ path: crash.file, line: crash.lineno });
      expect(existsSync(join(demo.settings.dataDir, "demo-repo", crash.file))).toBe(true);
      expect(pattern.decision).toBe("ticket");
      expect(pattern.priority).toBeLessThanOrEqual(2);
    });
  }

  it("flags the two-session edge case instead of ticketing it", () => {
    const rare = patterns.find((p) => p.sessionIds.some((id) => demo.scenarios.get(id) === "bug_rare_timezone"));
    expect(rare).toMatchObject({ kind: "bug", sessions: 2, decision: "flag", priority: 4 });
  });

  it("files improvements as improvements, never for Skynet", async () => {
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    const missing = patterns.find((p) => p.sessionIds.every((id) => demo.scenarios.get(id) === "missing_schedule"));
    expect(missing?.kind).toBe("improvement");
    for (const t of tickets.filter((x) => x.kind === "improvement")) expect(t.labels).not.toContain("skynet");
    expect(tickets.filter((t) => t.labels.includes("skynet"))).toHaveLength(4);
  });

  for (const scenario of ["missing_schedule", "confusing_publish"] as const) {
    it(`makes ${scenario} one improvement pattern with >= 90% of its sessions, ticketed but not for Skynet`, async () => {
      const sessions = [...demo.scenarios].filter(([, s]) => s === scenario).length;
      const holding = patterns.filter((p) => p.sessionIds.some((id) => demo.scenarios.get(id) === scenario));
      const main = holding.sort((a, b) => b.sessions - a.sessions)[0]!;
      expect(main.kind).toBe("improvement");
      expect(main.sessionIds.every((id) => demo.scenarios.get(id) === scenario)).toBe(true);
      expect(main.sessions, JSON.stringify(holding.map((p) => [p.sessions, p.title]))).toBeGreaterThanOrEqual(Math.ceil(sessions * 0.9));
      expect(main.decision).toBe("ticket");
      const ticket = await withWarehouse(demo, (w) => w.ticketByFingerprint(main.fingerprint));
      expect(ticket?.labels).toEqual(expect.arrayContaining(["improvement"]));
      expect(ticket?.labels).not.toContain("skynet");
    });
  }

  it("makes no pattern of sessions that just browse around", () => {
    const wandering = new Set(["happy_engaged", "happy_quick"]);
    for (const p of patterns) expect(p.sessionIds.filter((id) => wandering.has(demo.scenarios.get(id) ?? ""))).toEqual([]);
  });

  it("files one ticket per ticketed pattern, and none again on a second run", async () => {
    const before = await withWarehouse(demo, (w) => w.listTickets());
    expect(before).toHaveLength(patterns.filter((p) => p.decision === "ticket").length);
    const graph = buildPmGraph().compile({ checkpointer: new MemorySaver() });
    const again = await graph.invoke({ week: demo.week }, { configurable: { ...demo.configurable, thread_id: "pm-again" } });
    expect(isInterrupted(again)).toBe(false);
    expect(again.triageSummary?.gate).toBe("nothing_to_file");
    const after = await withWarehouse(demo, (w) => w.listTickets());
    expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
  });
});

describe("PM gate answers", () => {
  it("files only what an edit keeps, with the edited title, priority and kind", async () => {
    const demo = await freshDemo(9);
    const { graph, config, gate } = await untilGate(demo, "pm-edit");
    const [first, second] = gate.action_request.args.tickets;
    const edit = { type: "edit", args: { action: "file_tickets", args: { tickets: [
      { fingerprint: first!.fingerprint, title: "Renamed by a human", priority: 4 },
      { fingerprint: second!.fingerprint, kind: "improvement" },
    ] } } };
    const out = await graph.invoke(new Command({ resume: edit }), config);
    expect(out.triageSummary?.gate).toBe("edited");
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets).toHaveLength(2);
    expect(tickets.find((t) => t.fingerprint === first!.fingerprint)).toMatchObject({ title: "Renamed by a human", priority: 4 });
    const demoted = tickets.find((t) => t.fingerprint === second!.fingerprint);
    expect(demoted?.kind).toBe("improvement");
    expect(demoted?.labels).not.toContain("skynet");
  });

  it("files nothing when ignored, and proposes the same tickets next time", async () => {
    const demo = await freshDemo(13);
    const first = await untilGate(demo, "pm-ignore");
    const out = await first.graph.invoke(new Command({ resume: { type: "ignore" } }), first.config);
    expect(out.triageSummary).toMatchObject({ gate: "ignored", filed: [] });
    expect(await withWarehouse(demo, (w) => w.listTickets())).toHaveLength(0);
    const second = await untilGate(demo, "pm-ignore-2");
    expect(second.gate.action_request.args.tickets).toHaveLength(first.gate.action_request.args.tickets.length);
  });

  it("writes ticket bodies a person can act on", async () => {
    const demo = await freshDemo(17);
    const run = await untilGate(demo, "pm-body");
    await run.graph.invoke(new Command({ resume: { type: "accept" } }), run.config);
    const [top] = await withWarehouse(demo, (w) => w.listTickets());
    expect(top?.body).toMatch(/\*\*\d+ sessions\*\*/);
    expect(top?.body).toContain("Code locations");
    const location = top!.codeLocations[0]!;
    const source = readFileSync(join(demo.settings.dataDir, "demo-repo", location.path), "utf8");
    expect(source.split("\n").length).toBeGreaterThanOrEqual(location.line ?? 1);
  });
});
