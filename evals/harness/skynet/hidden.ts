import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { git } from "../../../tools/codebase/git.js";
import { runInSandbox } from "../../../tools/sandbox/exec.js";
import { summarizeRun } from "../../../agents/skynet/verify.js";
import { sandboxFor } from "../../../agents/skynet/sandboxFor.js";
import { readJson } from "../dataset.js";
import type { Workspace } from "../workspace.js";

/** hidden.json: how to run a bug's hidden tests, and the ticket Skynet is given. */
export const HiddenSpec = z.strictObject({
  command: z.string().min(1),
  ticket: z.strictObject({ title: z.string().min(1), signal: z.string().min(1) }),
});
export type HiddenSpec = z.infer<typeof HiddenSpec>;

export function readHiddenSpec(bugDir: string): HiddenSpec {
  return readJson(join(bugDir, "hidden.json"), HiddenSpec);
}

export interface HiddenRun {
  passed: boolean;
  summary: string;
}

/**
 * The hidden tests on one commit, in a checkout of its own outside every Skynet worktree: the tests
 * are copied in as hidden/, an optional patch applied first, and the command run in Skynet's sandbox
 * (the code under test may be a model's).
 */
export async function runHidden(ws: Workspace, bugDir: string, spec: HiddenSpec, commit: string, patch?: string): Promise<HiddenRun> {
  const parent = mkdtempSync(join(tmpdir(), "selfheal-eval-hidden-"));
  const dir = join(parent, "checkout");
  await git(ws.repo, ["worktree", "add", "-q", "--detach", dir, commit]);
  try {
    if (patch !== undefined) {
      const file = join(dir, "..", "fix.patch");
      writeFileSync(file, patch);
      await git(dir, ["apply", file]);
    }
    cpSync(join(bugDir, "hidden"), join(dir, "hidden"), { recursive: true });
    const result = await runInSandbox(spec.command, sandboxFor(dir, ws.profile));
    return { passed: result.exitCode === 0, summary: summarizeRun(result) };
  } finally {
    await git(ws.repo, ["worktree", "remove", "--force", dir]).catch(() => undefined);
    rmSync(parent, { recursive: true, force: true });
  }
}
