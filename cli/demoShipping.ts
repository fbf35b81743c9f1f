import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Warehouse } from "../warehouse/types.js";
import type { Ticket } from "../state/ticket.js";
import { BUG_NAMES, type BugName } from "../demo/simulator/index.js";
import { ensureWorktree } from "../tools/vcs/worktree.js";
import { branchFor } from "../agents/skynet/attemptFix.js";
import { commitAndMerge, mergeAt, referenceFix } from "./demoShip.js";

/** A bug ticket of the demo and the simulated bug it is about (its reference fix touches the ticket's code). */
export interface DemoFix {
  ticket: Ticket;
  bug: BugName;
}

/** The demo's bug tickets that a reference fix exists for, in filing order. */
export async function demoFixes(warehouse: Warehouse): Promise<DemoFix[]> {
  const touched = new Map(BUG_NAMES.map((bug) => [bug, patchFiles(referenceFix(bug))]));
  const fixes: DemoFix[] = [];
  for (const ticket of await warehouse.listTickets()) {
    if (ticket.kind !== "bug") continue;
    const bug = BUG_NAMES.find((b) => ticket.codeLocations.some((l) => touched.get(b)?.includes(l.path)));
    if (bug && !fixes.some((f) => f.bug === bug)) fixes.push({ ticket, bug });
  }
  return fixes;
}

function patchFiles(patch: string): string[] {
  return [...readFileSync(patch, "utf8").matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1] ?? "");
}

/**
 * Ships one fix at a simulated time, as a team would: Skynet's own verified fix when it wrote one, else
 * the demo's reference fix (there is no model to write one), labelled as such; the branch is merged into
 * the default branch and the ticket closed as done. A fix already shipped is left alone. Returns what
 * was done, in a sentence, or null.
 */
export async function shipDemoFix(warehouse: Warehouse, fix: DemoFix, opts: { repo: string; dataDir: string; at: Date }): Promise<string | null> {
  const ticket = await warehouse.ticket(fix.ticket.id);
  if (!ticket || ticket.status === "done") return null;
  const attempt = await warehouse.fixAttempt(ticket.id);
  const branch = attempt?.branch ?? branchFor(ticket);
  const when = opts.at.toISOString();
  let said: string;
  if (attempt?.status === "pr_opened" && attempt.details?.commit) {
    await mergeAt(opts.repo, branch, opts.at);
    said = `merged Skynet's fix for ${ticket.id} (${branch}) on ${when.slice(0, 10)}`;
  } else {
    const { dir } = await ensureWorktree(opts.repo, { dir: attempt?.worktree ?? join(opts.dataDir, "worktrees", ticket.id), branch, base: "main" });
    const patch = referenceFix(fix.bug);
    const commit = await commitAndMerge({ repo: opts.repo, worktree: dir, branch, patch, message: `Reference fix (selfheal demo): ${ticket.title}`, at: opts.at });
    const reason = `no model configured: the demo committed its reference fix (evals/datasets/demo-acme/skynet/${fix.bug}/right.patch) on ${branch} and merged it, as a person would; Skynet wrote no patch`;
    const details = { attempt: 1, problems: [], violations: [], files: [], reproTests: [], checks: [], steps: 0, tokens: 0, patchPath: null, commit };
    await warehouse.saveFixAttempt({ ticketId: ticket.id, status: attempt?.status ?? "needs_model", branch, worktree: dir, briefPath: attempt?.briefPath ?? null, reason, prUrl: null, testsBefore: attempt?.testsBefore ?? null, testsAfter: attempt?.testsAfter ?? null, createdAt: when, details });
    said = `shipped the demo's REFERENCE fix for ${ticket.id} (no model wrote one) on ${branch}, merged on ${when.slice(0, 10)}`;
  }
  await warehouse.updateTicket(ticket.id, { status: "done" });
  return said;
}
