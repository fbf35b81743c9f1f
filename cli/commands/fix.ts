import type { Command } from "commander";
import { globalsOf } from "../globals.js";
import { fixJson } from "../contract.js";
import { printAttempts, printGate } from "../render.js";
import { acceptIf } from "../gates.js";
import { THREADS } from "../../graphs/host/threads.js";
import { nextCommand } from "../nextCommand.js";
import { openWarehouse } from "../../warehouse/index.js";
import type { RunSettings } from "../../runtime/settings.js";
import { pickTickets } from "../../agents/skynet/pickTickets.js";
import { whyNoModel } from "../../agents/models.js";
import { loadProfile } from "../../state/loadProfile.js";
import type { WaitingForModel } from "../render.js";

export async function run(options: { yes?: boolean }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  out.progress(`fix: Skynet on the open bug tickets (thread ${THREADS.fix.threadId(null)})`);
  const outcome = await THREADS.fix.run(settings, null, { answer: acceptIf(Boolean(options.yes), out), progress: (line) => out.progress(line) });
  if (outcome.status === "waiting") {
    await out.result({ attempts: [], gate: outcome.gate }, () => printGate(out, outcome.gate, `Approve with: ${nextCommand(opts, "fix --yes")}`));
    return;
  }
  const attempts = outcome.state.fixSummary?.attempts ?? [];
  const waiting = attempts.length === 0 ? await waitingForModel(settings) : null;
  await out.result(fixJson(attempts), (r) => printAttempts(out, r.attempts, waiting));
}

/** Skynet's queue once a model answers (pickTickets'), less the tickets not yet tried: those waiting only for a model, and why. */
async function waitingForModel(settings: RunSettings): Promise<WaitingForModel | null> {
  const warehouse = openWarehouse(settings.db);
  try {
    const tickets: string[] = [];
    for (const t of await pickTickets(warehouse, { limit: Number.POSITIVE_INFINITY, haveModel: true })) {
      if ((await warehouse.fixAttempt(t.id))?.status === "needs_model") tickets.push(t.id);
    }
    return tickets.length ? { tickets, why: whyNoModel("skynet", loadProfile(settings.config).profile) } : null;
  } finally {
    await warehouse.close();
  }
}
