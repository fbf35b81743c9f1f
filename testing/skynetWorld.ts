import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { Command, MemorySaver } from "@langchain/langgraph";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "./demoWeek.js";
import { git } from "../tools/codebase/git.js";
import type { Ticket } from "../state/ticket.js";
import type { HumanInterrupt } from "../state/humanInterrupt.js";
import { buildSkynetGraph } from "../graphs/skynet/index.js";
import type { SkynetStateType } from "../graphs/skynet/state.js";
import { ScriptedChatModel, type ScriptedReply } from "./scriptedModel.js";

export interface SkynetWorld {
  demo: DemoWeek;
  repo: string;
  /** A bare repository standing in for the GitHub remote (`origin`). */
  remote: string;
}

/** A demo data folder whose profile names a GitHub repository (or none) and whose repo has a bare `origin`. */
export async function skynetWorld(opts: { github: boolean; skynet?: Record<string, unknown>; sessions?: number; seed?: number }): Promise<SkynetWorld> {
  const demo = await seedDemoWeek({ sessions: opts.sessions ?? 20, seed: opts.seed ?? 3 });
  const file = demo.settings.config!;
  const profile = JSON.parse(readFileSync(file, "utf8")) as { repo: Record<string, unknown>; skynet?: Record<string, unknown> };
  if (opts.github) profile.repo = { ...profile.repo, github: "acme/acme-app" };
  profile.skynet = { ...(profile.skynet ?? {}), maxSteps: 12, ...opts.skynet };
  writeFileSync(file, JSON.stringify(profile, null, 2));
  const repo = join(demo.settings.dataDir, "demo-repo");
  return { demo, repo, remote: await addBareOrigin(repo) };
}

/** A bare repository in a temp folder, added as the repo's `origin` with its `main` pushed; returns its path. */
export async function addBareOrigin(repo: string): Promise<string> {
  const remote = mkdtempSync(join(tmpdir(), "selfheal-remote-"));
  await git(remote, ["init", "-q", "--bare", "-b", "main"]);
  await git(repo, ["remote", "add", "origin", remote]);
  await git(repo, ["push", "-q", "origin", "main"]);
  return remote;
}

/** A bug ticket labelled for Skynet, filed straight into the warehouse (the PM's output, without the PM). */
export async function fileBug(world: SkynetWorld, fields: { title: string; body: string; path: string; line: number; priority?: number }): Promise<Ticket> {
  return withWarehouse(world.demo, (w) =>
    w.insertTicket({
      fingerprint: `fp-${fields.title}`,
      title: fields.title,
      body: fields.body,
      kind: "bug",
      priority: fields.priority ?? 2,
      labels: ["bug", "skynet"],
      status: "open",
      sessions: 12,
      codeLocations: [{ path: fields.path, line: fields.line }],
    }),
  );
}

/** Runs the Skynet graph on a thread with a model; returns the final state or the pending gate. */
export async function runSkynet(world: SkynetWorld, model: BaseChatModel, threadId: string) {
  const graph = buildSkynetGraph().compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { ...world.demo.configurable, thread_id: threadId, models: { skynet: model } }, recursionLimit: 200 };
  const state = async () => {
    const snap = await graph.getState(config);
    const gate = snap.tasks.flatMap((t) => t.interrupts).map((i) => i.value as HumanInterrupt)[0] ?? null;
    return { values: snap.values as SkynetStateType, gate };
  };
  await graph.invoke({}, config);
  return {
    state,
    resume: async (answer: unknown) => {
      await graph.invoke(new Command({ resume: answer }), config);
      return state();
    },
  };
}

/** A scripted reply calling one of the agent's tools. */
export const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({ toolCalls: [{ name, args }] });
/** The demo's schema bug, fixed the right way. */
export const FIX = call("edit_file", { path: "src/api/workflows.ts", old: "config: step.config ?? null", new: "config: step.config ?? {}" });
/** A reproduction of the demo's schema bug: fails on main, passes with FIX. */
export const REPRO = `import assert from "node:assert/strict";
import { test } from "node:test";
import { testApp } from "./helpers.js";

test("a workflow with an unconfigured step passes its schema", async () => {
  const res = await testApp().call("GET", "/api/workflows/wf_1002");
  assert.equal(res.status, 200);
});
`;
/** A node:test file with the given body. */
export const testFile = (body: string) => `import assert from "node:assert/strict";\nimport { test } from "node:test";\n${body}\n`;

/** Files one bad attempt and runs Skynet on it: nothing may reach the gate; the stored attempt says why. */
export async function badAttempt(world: SkynetWorld, name: string, replies: ScriptedReply[], body = "steps[2].config expected object, got null") {
  const ticket = await fileBug(world, { title: `schema bug (${name})`, body, path: "src/api/workflows.ts", line: 40 });
  const model = new ScriptedChatModel(replies);
  const run = await runSkynet(world, model, name);
  const { gate, values } = await run.state();
  expect(gate).toBeNull();
  const line = values.fixSummary?.attempts.find((a) => a.ticket === ticket.id);
  const stored = await withWarehouse(world.demo, async (w) => ({ attempt: await w.fixAttempt(ticket.id), ticket: await w.ticket(ticket.id) }));
  expect(line?.status).toBe("failed_verification");
  expect(line?.pr).toBeNull();
  expect(stored.attempt?.status).toBe("failed_verification");
  expect(stored.ticket?.status).toBe("open");
  expect(model.remaining).toBe(0);
  return { reason: stored.attempt!.reason, attempt: stored.attempt!, model };
}
