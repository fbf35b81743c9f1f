import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, MemorySaver } from "@langchain/langgraph";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "./demoWeek.js";
import { git } from "../tools/codebase/git.js";
import type { Ticket } from "../state/ticket.js";
import type { HumanInterrupt } from "../state/humanInterrupt.js";
import { buildSkynetGraph } from "../graphs/skynet/index.js";
import type { SkynetStateType } from "../graphs/skynet/state.js";

export interface SkynetWorld {
  demo: DemoWeek;
  repo: string;
  /** A bare repository standing in for the GitHub remote (`origin`). */
  remote: string;
}

/** A demo data folder whose profile names a GitHub repository (or none) and whose repo has a bare `origin`. */
export async function skynetWorld(opts: { github: boolean; skynet?: Record<string, unknown>; sessions?: number }): Promise<SkynetWorld> {
  const demo = await seedDemoWeek({ sessions: opts.sessions ?? 20, seed: 3 });
  const file = demo.settings.config!;
  const profile = JSON.parse(readFileSync(file, "utf8")) as { repo: Record<string, unknown>; skynet?: Record<string, unknown> };
  if (opts.github) profile.repo = { ...profile.repo, github: "acme/acme-app" };
  profile.skynet = { ...(profile.skynet ?? {}), maxSteps: 12, ...opts.skynet };
  writeFileSync(file, JSON.stringify(profile, null, 2));
  const repo = join(demo.settings.dataDir, "demo-repo");
  const remote = mkdtempSync(join(tmpdir(), "selfheal-remote-"));
  await git(remote, ["init", "-q", "--bare", "-b", "main"]);
  await git(repo, ["remote", "add", "origin", remote]);
  await git(repo, ["push", "-q", "origin", "main"]);
  return { demo, repo, remote };
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
