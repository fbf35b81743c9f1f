import pc from "picocolors";
import type { Output } from "./output.js";
import type { TriageJson } from "./contract.js";
import type { AttemptLine } from "../graphs/skynet/state.js";
import type { HumanInterrupt } from "../state/humanInterrupt.js";
import { priorityName } from "../agents/pm/ticketText.js";
import { counted } from "../runtime/plural.js";

export function printPatterns(out: Output, triage: TriageJson): void {
  const ticketed = triage.patterns.filter((p) => p.decision === "ticket");
  const flagged = triage.patterns.filter((p) => p.decision === "flag");
  out.say(`${counted(triage.patterns.length, "pattern")} in ${triage.week}: ${ticketed.length} ticketed, ${flagged.length} flagged.`);
  for (const p of ticketed) {
    const where = p.codeLocations.map((l) => (l.line ? `${l.path}:${l.line}` : l.path)).join(", ") || "code location unknown";
    const ticket = p.ticket ? `${p.ticket.id} (${p.ticket.status})` : pc.yellow("not filed");
    out.say(`  ${ticket.padEnd(18)} [${priorityName(p.priority)}] ${p.kind.padEnd(11)} ${String(p.sessions).padStart(5)} sessions  ${p.title}`);
    out.say(`  ${"".padEnd(18)} ${pc.dim(where)}`);
  }
  for (const p of flagged) out.say(`  ${pc.dim("flagged".padEnd(18))} ${p.kind.padEnd(11)} ${String(p.sessions).padStart(5)} sessions  ${p.title}`);
}

/** Open tickets whose attempt only lacked a model, and why there is none (whyNoModel). */
export interface WaitingForModel {
  tickets: string[];
  why: string;
}

/** Skynet's attempts of this run; with none, the tickets that wait for a model, if any. */
export function printAttempts(out: Output, attempts: AttemptLine[], waiting: WaitingForModel | null = null): void {
  if (attempts.length === 0) {
    out.say("Skynet: nothing new to work on (no open bug ticket with a known code location lacks an attempt).");
    if (waiting) {
      const { tickets, why } = waiting;
      out.say(`  ${counted(tickets.length, "ticket")} (${tickets.join(", ")}) ${tickets.length === 1 ? "waits" : "wait"} for a model: the worktree and fix brief are ready, and \`selfheal fix\` works them once one answers; ${why}.`);
    }
    return;
  }
  for (const a of attempts) {
    out.say(`  ${a.ticket.padEnd(12)} ${a.status.padEnd(20)} branch ${a.branch}${a.pr ? `  PR ${a.pr.url}` : ""}`);
    out.say(`  ${"".padEnd(12)} ${pc.dim(a.reason)}`);
  }
}

export function printGate(out: Output, gate: HumanInterrupt, resumeHint: string): void {
  out.say(pc.yellow(`Waiting at a human gate: ${gate.action_request.action}`));
  if (gate.description) for (const line of gate.description.split("\n")) out.say(`  ${line}`);
  out.say(resumeHint);
}
