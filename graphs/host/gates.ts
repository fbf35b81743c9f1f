import type { HumanInterrupt, HumanResponse } from "../../state/humanInterrupt.js";
import { ticketEditProblem, type GateTicket } from "../pm/nodes/gateAnswers.js";
import { UsageError } from "../../runtime/errors.js";

/** How a pending gate is answered: a response, or null to stop there and leave it pending. */
export type GateAnswerer = (gate: HumanInterrupt) => HumanResponse | null;

/** The scheduler's way, and `run` without `--yes`: every gate waits for a human. */
export const leaveGates: GateAnswerer = () => null;

/** Accepts every gate, telling `onAccept` (so the command can say who accepted). */
export function acceptGates(onAccept: (gate: HumanInterrupt) => void = () => undefined): GateAnswerer {
  return (gate) => {
    onAccept(gate);
    return { type: "accept" };
  };
}

/**
 * What an edit of each gate must hold, checked before anything resumes. The nodes themselves keep a
 * proposal's value for anything invalid (Studio and Agent Inbox may send anything); a person at the
 * command line or the web app is told instead, and the gate keeps waiting.
 */
const EDIT_CHECKS: Record<string, (gate: HumanInterrupt, edit: Record<string, unknown>) => string | null> = {
  file_tickets: (gate, edit) => ticketEditProblem((gate.action_request.args as { tickets?: GateTicket[] }).tickets ?? [], edit),
  open_pull_request: (_gate, edit) => {
    for (const key of ["title", "body"] as const) {
      if (edit[key] !== undefined && (typeof edit[key] !== "string" || !edit[key].trim())) return `${key}: must be a non-empty string`;
    }
    return null;
  },
};

/**
 * An answer checked against the gate it answers: only what the gate allows, an edit that names the
 * gate's action and passes its check. Throws a usage error (exit 2) saying what is wrong.
 */
export function checkedAnswer(gate: HumanInterrupt, answer: HumanResponse, where: string): HumanResponse {
  const c = gate.config;
  const allowed = { accept: c.allow_accept, ignore: c.allow_ignore, response: c.allow_respond, edit: c.allow_edit }[answer.type];
  if (!allowed) throw new UsageError(`the gate on ${where} does not allow "${answer.type}"`);
  if (answer.type !== "edit") return answer;
  const action = gate.action_request.action;
  const problem = EDIT_CHECKS[action]?.(gate, answer.args.args) ?? null;
  if (problem) throw new UsageError(`the edit of ${where}: ${problem}; nothing was answered, the gate still waits`);
  return { type: "edit", args: { action, args: answer.args.args } };
}
