import { existsSync, readFileSync } from "node:fs";
import PQueue from "p-queue";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { buildSkynetGraph } from "../../../graphs/skynet/index.js";
import { git } from "../../../tools/codebase/git.js";
import { ScriptedChatModel } from "../../../testing/scriptedModel.js";
import type { LoadedDataset } from "../dataset.js";
import type { SkynetAttempt } from "../result.js";
import type { TruthBug } from "../truth.js";
import { inWorkspace, type ModelSetup, type Workspace } from "../workspace.js";
import { withWarehouse } from "../stages.js";
import { runThroughGates, type RunExtras } from "../graphRun.js";
import { readHiddenSpec, runHidden, type HiddenSpec } from "./hidden.js";

/** Offline, the scripted model proposes each bug's right and wrong patch; with a model, it writes its own. */
export type SkynetMode = { kind: "scripted" } | { kind: "model"; callbacks: RunExtras["callbacks"] };

export interface FixRateResult {
  attempts: SkynetAttempt[];
  defects: string[];
}

/** A coding agent that applies one patch through Skynet's own apply_patch tool, then says it is done. */
function scriptedPatcher(patch: string): BaseChatModel {
  return new ScriptedChatModel([{ toolCalls: [{ name: "apply_patch", args: { patch } }] }, "Applied the fix from the patch."]);
}

/**
 * Skynet's fix rate on every bug of the dataset with hidden tests: each patch goes through the real
 * Skynet graph (worktree, sandboxed tests, verification, the PR gate accepted), and the change it
 * proposes is judged by the hidden tests in a checkout of its commit. First the tests themselves are
 * checked: failing on the unfixed code, passing with right.patch.
 */
export async function skynetFixRate(dataset: LoadedDataset, models: ModelSetup, mode: SkynetMode): Promise<FixRateResult> {
  // Each bug in a workspace of its own (Skynet takes every open ticket of its warehouse), two at a time:
  // the sandboxed test runs are most of an eval's time.
  const queue = new PQueue({ concurrency: BUGS_AT_ONCE });
  const perBug = await Promise.all(dataset.skynetBugs.map((bugId) => queue.add(() => fixRateOfBug(dataset, models, mode, bugId), { throwOnTimeout: true })));
  return { attempts: perBug.flatMap((r) => r.attempts), defects: perBug.flatMap((r) => r.defects) };
}

const BUGS_AT_ONCE = 2;

async function fixRateOfBug(dataset: LoadedDataset, models: ModelSetup, mode: SkynetMode, bugId: string): Promise<FixRateResult> {
  const bug = dataset.truth.bugs.find((b) => b.id === bugId);
  if (!bug) return { attempts: [], defects: [`skynet/${bugId}: no bug "${bugId}" in the truth's bugs`] };
  return inWorkspace(dataset, models, `skynet-${bugId}`, (ws) => workBug(ws, dataset, mode, bug));
}

/** The bug's hidden tests checked, then each patch (or the model's own) through Skynet. */
async function workBug(ws: Workspace, dataset: LoadedDataset, mode: SkynetMode, bug: TruthBug): Promise<FixRateResult> {
  const bugDir = join(dataset.dir, "skynet", bug.id);
  const base = (await git(ws.repo, ["rev-parse", "HEAD"])).trim();
  const spec = readHiddenSpec(bugDir);
  const patches = { right: readPatch(bugDir, "right"), wrong: readPatch(bugDir, "wrong") };
  const problems = await checkHiddenTests(ws, bugDir, spec, base, patches.right);
  const result: FixRateResult = { attempts: [], defects: problems.map((p) => `skynet/${bug.id}: ${p}`) };
  if (problems.length) return result;
  const sessions = dataset.truth.sessions.filter((s) => s.cause?.kind === "bug" && s.cause.id === bug.id).length;
  if (mode.kind === "model") {
    result.attempts.push(await attempt(ws, bugDir, spec, bug, sessions, "model", { callbacks: mode.callbacks }));
    return result;
  }
  for (const kind of ["right", "wrong"] as const) {
    const patch = patches[kind];
    if (patch === null) result.defects.push(`skynet/${bug.id}: no ${kind}.patch`);
    else result.attempts.push(await attempt(ws, bugDir, spec, bug, sessions, kind, { models: { skynet: scriptedPatcher(patch) } }));
  }
  return result;
}

function readPatch(bugDir: string, kind: "right" | "wrong"): string | null {
  const file = join(bugDir, `${kind}.patch`);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** The hidden tests must fail on the unfixed code and pass with the right patch. */
async function checkHiddenTests(ws: Workspace, bugDir: string, spec: HiddenSpec, base: string, right: string | null): Promise<string[]> {
  if (!existsSync(join(bugDir, "hidden"))) return ["no hidden/ folder"];
  const [before, after] = await Promise.all([
    runHidden(ws, bugDir, spec, base),
    right === null ? null : runHidden(ws, bugDir, spec, base, right).catch((err: Error) => err),
  ]);
  const problems = before.passed ? [`the hidden tests pass on the unfixed code (${before.summary}), so they cannot tell a fix`] : [];
  if (after === null) problems.push("no right.patch");
  else if (after instanceof Error) problems.push(`right.patch does not apply: ${after.message.split("\n")[0]}`);
  else if (!after.passed) problems.push(`the hidden tests fail with right.patch (${after.summary})`);
  return problems;
}

/** One ticket through Skynet, its proposed change (if any) scored by the hidden tests. */
async function attempt(ws: Workspace, bugDir: string, spec: HiddenSpec, bug: TruthBug, sessions: number, patch: SkynetAttempt["patch"], extras: RunExtras): Promise<SkynetAttempt> {
  const ticket = await withWarehouse(ws, (w) =>
    w.insertTicket({
      fingerprint: `evals:${bug.id}:${patch}`,
      title: spec.ticket.title,
      body: spec.ticket.signal,
      kind: "bug",
      priority: 2,
      labels: ["bug", "skynet"],
      status: "open",
      sessions,
      codeLocations: [{ path: bug.file, line: bug.line }],
    }),
  );
  await runThroughGates(buildSkynetGraph(), {}, ws, extras, { type: "accept" });
  const fix = await withWarehouse(ws, (w) => w.fixAttempt(ticket.id));
  const commit = fix?.status === "pr_opened" ? fix.details?.commit : null;
  const hidden = commit ? await runHidden(ws, bugDir, spec, commit) : null;
  return {
    bug: bug.id,
    patch,
    status: fix?.status ?? "not_attempted",
    reason: fix?.reason ?? "Skynet did not pick the ticket up",
    score: hidden?.passed ? 1 : 0,
    hidden: hidden?.summary ?? null,
  };
}
