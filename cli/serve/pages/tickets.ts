import { ticketRow } from "../../../agents/review/digestData.js";
import { ticketTable } from "../../../agents/review/renderDigest.js";
import { page } from "../layout.js";
import type { ReviewContext } from "../context.js";

/** Every ticket selfheal filed, by priority, each linked to the tracker (Linear, or the local tracker's file). */
export async function ticketsPage(ctx: ReviewContext, week: string | null): Promise<string> {
  const tickets = (await ctx.warehouse.listTickets()).sort((a, b) => a.priority - b.priority);
  const body = ticketTable(tickets.map(ticketRow), tickets.length, "No ticket has been filed yet: `selfheal triage` proposes them behind a gate.");
  return page({ title: "Tickets", productName: ctx.loaded.profile.product.name, section: "tickets", week, body });
}
