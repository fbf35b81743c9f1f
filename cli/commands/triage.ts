import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { globalsOf, weekFor } from "../globals.js";
import { triageJson } from "../contract.js";
import { printGate, printPatterns } from "../render.js";
import { acceptIf } from "../gates.js";
import { THREADS } from "../../graphs/host/threads.js";
import { nextCommand } from "../nextCommand.js";

export async function run(options: { week?: string; yes?: boolean; sample?: number }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  const warehouse = openWarehouse(settings.db);
  try {
    const week = await weekFor(options.week, warehouse);
    out.progress(`triage of ${week} (${(await warehouse.countSessions(week)).toLocaleString("en-US")} sessions) on thread ${THREADS.triage.threadId(week)}`);
    const outcome = await THREADS.triage.run(settings, week, { answer: acceptIf(Boolean(options.yes), out), progress: (line) => out.progress(line) });
    const result = { ...(await triageJson(warehouse, week, { sample: options.sample })), gate: outcome.status === "waiting" ? outcome.gate : null };
    await out.result(result, (r) => {
      printPatterns(out, r);
      if (outcome.status === "waiting") printGate(out, outcome.gate, `Approve with: ${nextCommand(opts, `triage --week ${week} --yes`)}`);
    });
  } finally {
    await warehouse.close();
  }
}
