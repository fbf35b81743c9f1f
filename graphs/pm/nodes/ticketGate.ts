import { interrupt } from "@langchain/langgraph";
import { readHumanResponse, type HumanInterrupt } from "../../../state/humanInterrupt.js";
import { priorityName } from "../../../agents/pm/ticketText.js";
import { PatternKind } from "../../../state/pattern.js";
import type { GatedProposal, PmStateType, PmUpdate } from "../state.js";

/** One ticket as the gate shows it and as an edit may return it. */
export interface GateTicket {
  fingerprint: string;
  title: string;
  kind: string;
  priority: number;
  sessions: number;
  action: string;
  codeLocations: string[];
}

/**
 * The human gate before anything reaches the tracker. Accept files every proposal; ignore files none;
 * edit returns the list to file, where a ticket may have a new title, priority or kind and a ticket
 * left out is not filed. Pure until the interrupt: LangGraph re-runs this node on resume.
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
  const response = readHumanResponse<{ tickets?: Partial<GateTicket>[] }>(interrupt(request));
  if (response.type === "accept") return { approved: state.proposals, gateAnswer: "accepted" };
  if (response.type === "edit") return { approved: applyEdits(state.proposals, response.args.args.tickets ?? []), gateAnswer: "edited" };
  return { approved: [], gateAnswer: "ignored" };
}

function applyEdits(proposals: GatedProposal[], edited: Partial<GateTicket>[]): GatedProposal[] {
  const out: GatedProposal[] = [];
  for (const edit of edited) {
    const original = proposals.find((p) => p.fingerprint === edit.fingerprint);
    if (!original) continue;
    const kind = PatternKind.safeParse(edit.kind);
    const priority = typeof edit.priority === "number" && edit.priority >= 1 && edit.priority <= 4 ? Math.round(edit.priority) : original.priority;
    const nextKind = kind.success ? kind.data : original.kind;
    out.push({
      ...original,
      title: typeof edit.title === "string" && edit.title.trim() ? edit.title.trim() : original.title,
      priority,
      kind: nextKind,
      labels: relabel(original.labels, original.kind, nextKind),
    });
  }
  return out;
}

/** A bug turned improvement at the gate is no longer Skynet's. */
function relabel(labels: string[], from: string, to: string): string[] {
  if (from === to) return labels;
  const rest = labels.filter((l) => l !== from && l !== "skynet");
  return [to, ...rest];
}

function describe(week: string | null, tickets: GateTicket[]): string {
  const rows = tickets.map(
    (t) => `- **${t.action}** [${priorityName(t.priority)}] ${t.title} — ${t.sessions} sessions (${t.kind})${t.codeLocations.length ? ` at ${t.codeLocations.join(", ")}` : ""}`,
  );
  return [`The PM proposes ${tickets.length} ticket change(s) for ${week ?? "this week"}:`, "", ...rows].join("\n");
}
