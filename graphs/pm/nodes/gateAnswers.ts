import { readHumanResponse } from "../../../state/humanInterrupt.js";
import { PatternKind } from "../../../state/pattern.js";
import { InputError } from "../../../runtime/errors.js";
import type { GatedProposal, TriageSummary } from "../state.js";

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
 * Reads the human's answer to the ticket gate. Three shapes, all Agent Inbox HumanResponses:
 * - one response (alone or in a one-element array) for the whole list: accept files every proposal,
 *   ignore none, and edit files the tickets its `args.args.tickets` lists, with their changes;
 * - an array with one response per proposed ticket, in the gate's order: accept, ignore, or edit
 *   (`args.args` holding that ticket's new title, priority or kind).
 */
export function readGateAnswer(resume: unknown, proposals: GatedProposal[]): { approved: GatedProposal[]; gateAnswer: TriageSummary["gate"] } {
  if (Array.isArray(resume) && resume.length > 1) {
    if (resume.length !== proposals.length) {
      throw new InputError(`the ticket gate lists ${proposals.length} tickets but got ${resume.length} responses: answer with one response, or one per ticket in the gate's order`);
    }
    const approved: GatedProposal[] = [];
    const kinds = new Set<string>();
    proposals.forEach((proposal, i) => {
      const response = readHumanResponse<Partial<GateTicket>>(resume[i]);
      kinds.add(response.type);
      if (response.type === "accept") approved.push(proposal);
      if (response.type === "edit") approved.push(applyEdit(proposal, response.args.args));
    });
    const gateAnswer = kinds.size === 1 && kinds.has("accept") ? "accepted" : approved.length === 0 ? "ignored" : "edited";
    return { approved, gateAnswer };
  }
  const response = readHumanResponse<{ tickets?: Partial<GateTicket>[] } & Partial<GateTicket>>(resume);
  if (response.type === "accept") return { approved: proposals, gateAnswer: "accepted" };
  if (response.type === "edit") {
    const edited = response.args.args;
    // A one-ticket gate answered per ticket: the edit's args are that ticket's changes.
    const [only] = proposals;
    if (!Array.isArray(edited.tickets) && proposals.length === 1 && only) return { approved: [applyEdit(only, edited)], gateAnswer: "edited" };
    const approved: GatedProposal[] = [];
    for (const edit of edited.tickets ?? []) {
      const original = proposals.find((p) => p.fingerprint === edit.fingerprint);
      if (original) approved.push(applyEdit(original, edit));
    }
    return { approved, gateAnswer: "edited" };
  }
  return { approved: [], gateAnswer: "ignored" };
}

/** A proposal with a human's changes; anything invalid in the edit keeps the proposal's value. */
function applyEdit(original: GatedProposal, edit: Partial<GateTicket> | undefined): GatedProposal {
  const kind = PatternKind.safeParse(edit?.kind);
  const priority = typeof edit?.priority === "number" && edit.priority >= 1 && edit.priority <= 4 ? Math.round(edit.priority) : original.priority;
  const nextKind = kind.success ? kind.data : original.kind;
  return {
    ...original,
    title: typeof edit?.title === "string" && edit.title.trim() ? edit.title.trim() : original.title,
    priority,
    kind: nextKind,
    labels: relabel(original.labels, original.kind, nextKind),
  };
}

/** A bug turned improvement at the gate is no longer Skynet's. */
function relabel(labels: string[], from: string, to: string): string[] {
  if (from === to) return labels;
  const rest = labels.filter((l) => l !== from && l !== "skynet");
  return [to, ...rest];
}

/**
 * What is wrong with an edit of the ticket gate, checked before a CLI answer resumes anything (the node
 * itself keeps a proposal's value for anything invalid, as Studio may send anything): a fingerprint the
 * gate does not list, a priority off Linear's 1-4 scale, a kind that is neither bug nor improvement.
 */
export function ticketEditProblem(listed: GateTicket[], edit: { tickets?: unknown } & Record<string, unknown>): string | null {
  const edits: Record<string, unknown>[] = Array.isArray(edit.tickets) ? (edit.tickets as Record<string, unknown>[]) : [edit];
  for (const [i, e] of edits.entries()) {
    const at = Array.isArray(edit.tickets) ? `tickets[${i}]` : "edit";
    if (typeof e !== "object" || e === null) return `${at}: expected an object`;
    const fingerprint = e["fingerprint"] ?? (listed.length === 1 ? listed[0]?.fingerprint : undefined);
    if (!listed.some((t) => t.fingerprint === fingerprint)) return `${at}.fingerprint: the gate lists no ticket "${String(fingerprint)}"`;
    const priority = e["priority"];
    if (priority !== undefined && !(Number.isInteger(priority) && (priority as number) >= 1 && (priority as number) <= 4)) return `${at}.priority: must be 1 (urgent) to 4 (low), got ${JSON.stringify(priority)}`;
    if (e["kind"] !== undefined && !PatternKind.safeParse(e["kind"]).success) return `${at}.kind: must be bug or improvement, got ${JSON.stringify(e["kind"])}`;
    if (e["title"] !== undefined && (typeof e["title"] !== "string" || !e["title"].trim())) return `${at}.title: must be a non-empty string`;
  }
  return null;
}
