import type { Command } from "commander";
import { readFileSync, existsSync } from "node:fs";
import { UsageError } from "../../runtime/errors.js";
import type { HumanResponse } from "../../state/humanInterrupt.js";
import { globalsOf, type GlobalOptions } from "../globals.js";
import { nextCommand } from "../nextCommand.js";
import { answerGate, pendingGates, type PendingGate } from "../../graphs/host/pendingGates.js";
import type { Output } from "../output.js";

interface ReviewOptions {
  thread?: string;
  accept?: boolean;
  ignore?: boolean;
  respond?: string;
  edit?: string;
}

export async function run(options: ReviewOptions, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  const pending = await pendingGates(settings);
  const flagged = answerFromFlags(options);
  if (!flagged && !process.stdin.isTTY) {
    await out.result({ pending }, (r) => listPending(out, r.pending, opts));
    return;
  }
  const targets = options.thread ? pending.filter((p) => p.threadId === options.thread) : pending;
  if (options.thread && targets.length === 0) throw new UsageError(`no gate is waiting on thread "${options.thread}"`);
  if (flagged && targets.length > 1) throw new UsageError(`${targets.length} gates are waiting; name one with --thread (${targets.map((t) => t.threadId).join(", ")})`);
  const answered = [];
  for (const target of targets) {
    const answer = flagged ?? (await askAtTerminal(target, out));
    const outcome = await answerGate(settings, target, answer, { progress: (line) => out.progress(line) });
    answered.push({ threadId: target.threadId, answer: answer.type, status: outcome.status });
    out.say(`${target.threadId}: ${answer.type} → ${outcome.status === "done" ? "finished" : "waiting at the next gate"}`);
  }
  await out.result({ answered }, () => (answered.length ? undefined : out.say("No gate is waiting.")));
}

function answerFromFlags(o: ReviewOptions): HumanResponse | null {
  const given = [o.accept, o.ignore, o.respond !== undefined, o.edit !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError("give at most one of --accept, --ignore, --respond, --edit");
  if (o.accept) return { type: "accept" };
  if (o.ignore) return { type: "ignore" };
  if (o.respond !== undefined) return { type: "response", args: o.respond };
  if (o.edit !== undefined) return { type: "edit", args: { action: "", args: parseEdit(o.edit) } };
  return null;
}

function parseEdit(value: string): Record<string, unknown> {
  const text = existsSync(value) ? readFileSync(value, "utf8") : value;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`--edit must be a JSON object (or a file holding one): ${value.slice(0, 60)}`);
}

function listPending(out: Output, pending: PendingGate[], opts: GlobalOptions): void {
  if (pending.length === 0) {
    out.say("No gate is waiting.");
    return;
  }
  for (const p of pending) {
    out.heading(`${p.threadId}: ${p.gate.action_request.action}`);
    if (p.gate.description) for (const line of p.gate.description.split("\n")) out.say(`  ${line}`);
  }
  out.say(`Answer in a terminal with \`${nextCommand(opts, "review")}\`, or with --thread ID and one of --accept, --ignore, --respond TEXT, --edit JSON.`);
}

/** The terminal prompts, loaded only when a person is there to answer them. */
async function askAtTerminal(target: PendingGate, out: Output): Promise<HumanResponse> {
  const { askHuman } = await import("../askHuman.js");
  return askHuman(target.gate, out);
}
