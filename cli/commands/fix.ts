import type { Command } from "commander";
import { globalsOf } from "../globals.js";
import { fixJson } from "../contract.js";
import { printAttempts, printGate } from "../render.js";
import { acceptIf } from "../gates.js";
import { THREADS } from "../../graphs/host/threads.js";
import { nextCommand } from "../nextCommand.js";
import { openWarehouse } from "../../warehouse/index.js";
import type { RunSettings } from "../../runtime/settings.js";

export async function run(options: { yes?: boolean }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  out.progress(`fix: Skynet on the open bug tickets (thread ${THREADS.fix.threadId(null)})`);
  const outcome = await THREADS.fix.run(settings, null, { answer: acceptIf(Boolean(options.yes), out), progress: (line) => out.progress(line) });
  if (outcome.status === "waiting") {
    await out.result({ attempts: [], gate: outcome.gate }, () => printGate(out, outcome.gate, `Approve with: ${nextCommand(opts, "fix --yes")}`));
    return;
  }
  const attempts = outcome.state.fixSummary?.attempts ?? [];
  const waiting = attempts.length === 0 ? await waitingForModel(settings) : [];
  await out.result(fixJson(attempts), (r) => printAttempts(out, r.attempts, waiting));
}

/** Open tickets whose last attempt stopped for want of a model: picked again only once one answers. */
async function waitingForModel(settings: RunSettings): Promise<string[]> {
  const warehouse = openWarehouse(settings.db);
  try {
    const open = new Set((await warehouse.listTickets({ status: ["open", "in_progress"] })).map((t) => t.id));
    return (await warehouse.listFixAttempts()).filter((a) => a.status === "needs_model" && open.has(a.ticketId)).map((a) => a.ticketId);
  } finally {
    await warehouse.close();
  }
}
