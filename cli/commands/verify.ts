import type { Command } from "commander";
import { runVerify } from "../../graphs/host/direct.js";
import type { VerifyLine, VerifySummary } from "../../graphs/verify/state.js";
import { openWarehouse } from "../../warehouse/index.js";
import { globalsOf, weekFor, type GlobalOptions } from "../globals.js";
import { nextCommand } from "../nextCommand.js";
import { isoWeekOf } from "../../runtime/week.js";
import type { Output } from "../output.js";

/** Checks the shipped fixes; the `verify --json` contract is `{ week, asOf, fixes: [...] }`. */
export async function run(options: { week?: string }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  const warehouse = openWarehouse(settings.db);
  const week = await weekFor(options.week, warehouse).finally(() => warehouse.close());
  out.progress(`verifying shipped fixes against the sessions up to the end of ${week}`);
  const summary = await runVerify(settings, { week });
  await out.result(summary, (s) => printVerdicts(out, s, opts));
}

const rate = (w: VerifyLine["before"] | null): string => (w ? `${w.sessions}/${w.productSessions} (${w.perThousand ?? "n/a"}‰), NPS ${w.nps ?? "n/a"}` : "no data yet");

function printVerdicts(out: Output, s: VerifySummary, opts: GlobalOptions): void {
  out.heading(`Shipped fixes, checked up to ${s.asOf.slice(0, 10)}`);
  if (s.fixes.length === 0) out.say(nothingShipped(s, opts));
  for (const f of s.fixes) {
    const flags = [f.worse ? "WORSE" : "", f.recurred ? "came back" : "", f.reopened ? "ticket reopened" : ""].filter(Boolean).join(", ");
    out.say(`${f.ticket}  ${f.verdict.toUpperCase().replace("_", " ")}${flags ? ` (${flags})` : ""}  ${f.title}`);
    out.say(`  shipped ${f.shippedAt.slice(0, 10)} (${f.shippedBy.replace("_", " ")}); before ${rate(f.before)}; after ${rate(f.after)}`);
    out.say(`  ${f.reason}`);
  }
}

/** A past week's check ends at its end: a fix shipped since is not "not shipped", it is another week's. */
function nothingShipped(s: VerifySummary, opts: GlobalOptions): string {
  const counts = "a fix counts once its PR or branch is merged, or its ticket is done";
  const thisWeek = isoWeekOf(new Date());
  if (s.week >= thisWeek) return `No fix has shipped yet: ${counts}.`;
  return `No fix had shipped by the end of ${s.week}: ${counts}. \`${nextCommand(opts, `verify --week ${thisWeek}`)}\` checks those shipped since.`;
}
