import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../state/loadProfile.js";
import type { TicketStatus } from "../../state/ticket.js";
import { UsageError } from "../../runtime/errors.js";
import { globalsOf } from "../globals.js";
import { nextCommand } from "../nextCommand.js";
import { isoWeekOf } from "../../runtime/week.js";

/**
 * Shows one ticket of the built-in tracker, or moves it (`--status done` when its fix shipped): the
 * only way a team without Linear, or without a model for Skynet, tells `verify` a fix is out. A
 * Linear ticket's state lives in Linear, so it is changed there.
 */
export async function run(id: string, options: { status?: TicketStatus }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  const warehouse = openWarehouse(settings.db);
  try {
    const ticket = await warehouse.ticket(id);
    if (!ticket) throw new UsageError(`no ticket ${id} in this warehouse (see \`selfheal triage\` or the digest for the tickets filed)`);
    if (options.status && loadProfile(settings.config).profile.tracker.kind === "linear") {
      throw new UsageError(`${id} is a Linear ticket: change its state in Linear (verify reads it from there)`);
    }
    const result = options.status && options.status !== ticket.status ? await warehouse.updateTicket(id, { status: options.status }) : ticket;
    await out.result(result, (t) => {
      out.say(`${t.id}  ${t.status.replace("_", " ")}  ${t.title}`);
      // Shipped today: a check up to an earlier week's end (plain `verify`'s default) cannot see it.
      if (options.status === "done") out.say(`  \`${nextCommand(opts, `verify --week ${isoWeekOf(new Date())}`)}\` checks its fix against the sessions after today`);
    });
  } finally {
    await warehouse.close();
  }
}
