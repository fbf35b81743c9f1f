import { interrupt } from "@langchain/langgraph";
import type { HumanInterrupt } from "../../../state/humanInterrupt.js";
import { priorityName } from "../../../agents/pm/ticketText.js";
import type { PmStateType, PmUpdate } from "../state.js";
import { readGateAnswer, type GateTicket } from "./gateAnswers.js";

export type { GateTicket } from "./gateAnswers.js";

/**
 * The human gate before anything reaches the tracker: accept, edit (title, priority, kind) or ignore,
 * for the whole list or per ticket (see gateAnswers.ts). Pure until the interrupt: LangGraph re-runs
 * this node on resume.
 */
export function ticketGate(state: PmStateType): PmUpdate {
  if (state.proposals.length === 0) return { approved: [], gateAnswer: "nothing_to_file" };
  const tickets: GateTicket[] = state.proposals.map((p) => ({
    fingerprint: p.fingerprint,
    title: p.title,
    kind: p.kind,
    priority: p.priority,
    sessions: p.sessions,
    action: p.action,
    codeLocations: p.codeLocations.map((l) => (l.line ? `${l.path}:${l.line}` : l.path)),
  }));
  const request: HumanInterrupt<{ week: string | null; tickets: GateTicket[] }> = {
    action_request: { action: "file_tickets", args: { week: state.week, tickets } },
    config: { allow_accept: true, allow_edit: true, allow_respond: false, allow_ignore: true },
    description: describe(state.week, tickets),
  };
  return readGateAnswer(interrupt(request), state.proposals);
}

function describe(week: string | null, tickets: GateTicket[]): string {
  const rows = tickets.map(
    (t) => `- **${t.action}** [${priorityName(t.priority)}] ${t.title} — ${t.sessions} sessions (${t.kind})${t.codeLocations.length ? ` at ${t.codeLocations.join(", ")}` : ""}`,
  );
  return [`The PM proposes ${tickets.length} ticket change(s) for ${week ?? "this week"}:`, "", ...rows].join("\n");
}
