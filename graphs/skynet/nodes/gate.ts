import { interrupt } from "@langchain/langgraph";
import { readHumanResponse, type HumanInterrupt } from "../../../state/humanInterrupt.js";
import type { SkynetStateType, SkynetUpdate } from "../state.js";

/** What the PR gate shows: the ticket, the diff, the test results and the PR text to approve. */
export interface PrGateArgs {
  ticket: string;
  branch: string;
  base: string;
  title: string;
  body: string;
  diff: string;
  tests: { before: string | null; after: string | null };
  files: { path: string; added: number; removed: number }[];
}

/**
 * The human gate before a PR. Accept opens it; edit opens it with the reviewer's title and body;
 * respond asks for another attempt with the reviewer's instructions; ignore declines it. Pure until
 * the interrupt: LangGraph re-runs this node on resume.
 */
export function gate(state: SkynetStateType): SkynetUpdate {
  const pending = state.pending;
  if (!pending) return { decision: { type: "ignore" } };
  const { proposal, attempt } = pending;
  const repro = attempt.details?.reproTests ?? [];
  const args: PrGateArgs = {
    ticket: proposal.ticketId,
    branch: proposal.branch,
    base: proposal.base,
    title: pending.title,
    body: pending.body,
    diff: proposal.diff,
    tests: { before: proposal.testsBefore, after: proposal.testsAfter },
    files: attempt.details?.files ?? [],
  };
  const request: HumanInterrupt<PrGateArgs> = {
    action_request: { action: "open_pull_request", args },
    config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
    description: [
      `Skynet's verified fix for ${proposal.ticketId} on \`${proposal.branch}\` (into ${proposal.base}).`,
      `Tests before: ${proposal.testsBefore ?? "not run"}; after: ${proposal.testsAfter ?? "not run"}.`,
      repro.length
        ? `Reproduction: ${repro.join(", ")} fails on ${proposal.base} and passes with the fix.`
        : "No reproduction test was written: nothing shows this change fixes the ticket's failure; review it as such.",
      "Accept to open the pull request, edit its title and body, respond with instructions for another attempt, or ignore to decline.",
      "",
      "```diff",
      proposal.diff,
      "```",
    ].join("\n"),
  };
  const response = readHumanResponse<{ title?: unknown; body?: unknown }>(interrupt(request));
  if (response.type === "accept") return { decision: { type: "accept", title: pending.title, body: pending.body } };
  if (response.type === "edit") {
    const e = response.args.args;
    const title = typeof e.title === "string" && e.title.trim() ? e.title.trim() : pending.title;
    const body = typeof e.body === "string" && e.body.trim() ? e.body : pending.body;
    return { decision: { type: "accept", title, body } };
  }
  if (response.type === "response" && response.args.trim()) return { decision: { type: "response", instructions: response.args.trim() } };
  return { decision: { type: "ignore" } };
}
