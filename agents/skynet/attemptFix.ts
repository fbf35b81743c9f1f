import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { FixAttempt, Ticket } from "../../state/ticket.js";
import type { ProductProfile } from "../../state/profile.js";
import { ensureWorktree } from "../../tools/vcs/worktree.js";
import { whyNoModel } from "../models.js";
import { renderBrief } from "./brief.js";

export interface FixWorkspace {
  repoPath: string;
  dataDir: string;
  profile: ProductProfile;
  model: BaseChatModel | null;
}

/** The branch Skynet works on for a ticket: never the default branch. */
export function branchFor(ticket: Ticket): string {
  return `selfheal/${ticket.id.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/**
 * Prepares a ticket's fix: an isolated worktree on its own branch and a brief beside it. Writing the
 * patch is the coding agent's job; without a model that is said plainly and nothing pretends a fix.
 */
export async function attemptFix(ticket: Ticket, ws: FixWorkspace): Promise<FixAttempt> {
  const repo = ws.profile.repo;
  const branch = branchFor(ticket);
  const { dir } = await ensureWorktree(ws.repoPath, {
    dir: join(ws.dataDir, "worktrees", ticket.id),
    branch,
    base: repo?.defaultBranch ?? "main",
  });
  const briefPath = join(ws.dataDir, "briefs", `${ticket.id}.md`);
  await mkdir(join(ws.dataDir, "briefs"), { recursive: true });
  await writeFile(briefPath, renderBrief(ticket, dir, branch, repo?.testCommand ?? "npm test"));
  const reason = ws.model
    ? "a model is configured, but this version has no coding agent yet: the worktree and brief are ready for one"
    : `writing the patch needs a model: ${whyNoModel("skynet", ws.profile)}. The worktree and fix brief are ready.`;
  return {
    ticketId: ticket.id,
    status: "needs_model",
    branch,
    worktree: dir,
    briefPath,
    reason,
    prUrl: null,
    testsBefore: null,
    testsAfter: null,
    createdAt: new Date().toISOString(),
  };
}
