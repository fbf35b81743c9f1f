import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { FixAttempt, Ticket } from "../../state/ticket.js";
import type { FixDetails } from "../../state/fixDetails.js";
import type { LoadedProfile } from "../../state/loadProfile.js";
import { ensureWorktree } from "../../tools/vcs/worktree.js";
import { git } from "../../tools/codebase/git.js";
import { bubblewrapProblem } from "../../tools/sandbox/exec.js";
import { sandboxTools } from "../../tools/sandbox/tools.js";
import { whyNoModel } from "../models.js";
import { renderBrief } from "./brief.js";
import { runCodingAgent } from "./codingAgent.js";
import { systemPrompt, taskMessage } from "./prompt.js";
import { allowlistFor, sandboxFor } from "./sandboxFor.js";
import { verifyFix } from "./verify.js";
import { baselineTests } from "./baseline.js";
import { commitFix, type Proposal } from "./proposal.js";

export interface FixWorkspace {
  repoPath: string;
  dataDir: string;
  loaded: LoadedProfile;
  model: BaseChatModel | null;
  /** 1 for the first attempt; more when a reviewer asked for another. */
  attemptNo: number;
  /** A reviewer's instructions for this attempt (from the PR gate's "respond"). */
  instructions: string | null;
}

/** The attempt's record, and the verified change awaiting the human gate when there is one. */
export interface AttemptOutcome {
  attempt: FixAttempt;
  proposal: Proposal | null;
}

/** The branch Skynet works on for a ticket: never the default branch. */
export function branchFor(ticket: Ticket): string {
  return `selfheal/${ticket.id.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/**
 * One attempt at a ticket: a worktree on the ticket's branch reset to the default branch, the brief,
 * the coding agent confined to the sandbox, then deterministic verification. Without a model, the
 * worktree and brief are prepared and that is said plainly.
 */
export async function attemptFix(ticket: Ticket, ws: FixWorkspace): Promise<AttemptOutcome> {
  const profile = ws.loaded.profile;
  const baseBranch = profile.repo?.defaultBranch ?? "main";
  const testCommand = profile.repo?.testCommand ?? "npm test";
  const branch = branchFor(ticket);
  const { dir } = await ensureWorktree(ws.repoPath, { dir: join(ws.dataDir, "worktrees", ticket.id), branch, base: baseBranch });
  const base = (await git(ws.repoPath, ["rev-parse", `${baseBranch}^{commit}`])).trim();
  const briefPath = join(ws.dataDir, "briefs", `${ticket.id}.md`);
  const record = (status: FixAttempt["status"], reason: string, details?: FixDetails, tests?: { before: string | null; after: string | null }): AttemptOutcome => ({
    attempt: { ticketId: ticket.id, status, branch, worktree: dir, briefPath, reason, prUrl: null, testsBefore: tests?.before ?? null, testsAfter: tests?.after ?? null, createdAt: new Date().toISOString(), details },
    proposal: null,
  });

  if (ws.model) {
    // Every attempt starts from the default branch: a resumed run or a retry never builds on a bad try.
    await git(dir, ["reset", "-q", "--hard", base]);
    await git(dir, ["clean", "-q", "-fd"]);
  }
  const settings = profile.skynet;
  const sandbox = sandboxFor(dir, ws.loaded);
  const sandboxProblem = settings.sandbox === "bubblewrap" ? bubblewrapProblem() : null;
  // Without a model, the branch's test run is what a person picking the brief up needs first.
  const baseline = !ws.model && !sandboxProblem ? await baselineTests({ dataDir: ws.dataDir, commit: base, testCommand, sandbox }) : null;
  const brief = renderBrief(ticket, dir, branch, testCommand, baseline);
  await mkdir(join(ws.dataDir, "briefs"), { recursive: true });
  await writeFile(briefPath, brief);
  if (!ws.model) {
    const tests = baseline ? ` Tests on the branch, sandboxed: ${baseline}.` : sandboxProblem ? ` The tests were not run: ${sandboxProblem}.` : "";
    return record("needs_model", `writing the patch needs a model: ${whyNoModel("skynet", profile)}. The worktree and fix brief are ready.${tests}`, undefined, { before: baseline, after: null });
  }
  if (sandboxProblem) {
    return record("failed_verification", `nothing was run: ${sandboxProblem}; Skynet runs commands unsandboxed only when the profile sets "skynet": { "sandbox": "unsandboxed" }`);
  }
  const allowlist = allowlistFor(ws.loaded);
  const violations: string[] = [];
  const tools = sandboxTools({ worktree: dir, allowlist, sandbox, outputLimit: settings.outputLimitChars, onViolation: (v) => violations.push(v.message) });
  const run = await runCodingAgent({
    model: ws.model,
    tools,
    system: systemPrompt({ testCommand, allowlist, maxFiles: settings.maxFilesChanged, maxLines: settings.maxLinesChanged }),
    task: taskMessage(ticket, brief, ws.instructions),
    maxSteps: settings.maxSteps,
    maxTokens: settings.maxTokens,
    violated: () => violations[0] ?? null,
  });
  const details: FixDetails = { attempt: ws.attemptNo, problems: [], violations, files: [], reproTests: [], checks: [], steps: run.steps, tokens: run.tokens, patchPath: null, commit: null };
  if (run.stop === "model_error") {
    // The model failed, not the fix (server down, key refused): left as needing a model, the next run tries again.
    return record("needs_model", `writing the patch needs a model that answers: ${run.detail}. The worktree and fix brief are ready; the next \`selfheal fix\` tries again.`, { ...details, problems: [run.detail] });
  }
  if (run.stop !== "done") {
    const why = run.stop === "violation" ? `the agent tried to leave its sandbox (${run.detail}); an agent that does is not trusted with a PR` : run.detail;
    return record("failed_verification", `not proposed: ${why}`, { ...details, problems: [why] });
  }

  const v = await verifyFix({ worktree: dir, base, settings, testCommand, sandbox, scratchDir: join(ws.dataDir, "verify", ticket.id) });
  const verified: FixDetails = { ...details, problems: v.problems, files: v.files.map((f) => ({ path: f.path, added: f.added, removed: f.removed })), reproTests: v.reproTests, checks: v.checks };
  const tests = { before: v.testsBefore, after: v.testsAfter };
  if (!v.ok) return record("failed_verification", `not proposed: ${v.problems.join("; ")}`, verified, tests);

  const commit = await commitFix(dir, ticket);
  const outcome = record("failed_verification", "verified; waiting for the pull-request gate", { ...verified, commit }, tests);
  const diff = await git(dir, ["diff", `${base}..${commit}`]);
  return { attempt: outcome.attempt, proposal: { ticketId: ticket.id, branch, worktree: dir, base: baseBranch, commit, diff, testsBefore: v.testsBefore, testsAfter: v.testsAfter, summary: run.summary } };
}
