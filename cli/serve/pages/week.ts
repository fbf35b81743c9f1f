import { collectDigest } from "../../../agents/review/digestData.js";
import { departments, headline, scores, trend } from "../../../agents/review/renderDigest.js";
import { fixesSection } from "../../../agents/review/renderVerdicts.js";
import { escapeHtml as e, formatCount } from "../../../agents/review/html.js";
import { page } from "../layout.js";
import { reportStreamOf, type ReviewContext } from "../context.js";

/**
 * The week: the digest's headline cards (implied NPS, acquisition apart), its trend, whether last
 * week's fixes worked, its score distribution and its departments, drawn by the same functions as the digest page.
 */
export async function weekPage(ctx: ReviewContext, week: string): Promise<string> {
  const data = await collectDigest(ctx.warehouse, week, { reportsOf: (w) => reportStreamOf(ctx, w) });
  const weeks = (await ctx.warehouse.sessionsPerWeek()).slice(-12).reverse();
  const picker = `<section class="weeks"><strong>Weeks:</strong> ${weeks
    .map((w) => (w.week === week ? `<strong>${e(w.week)}</strong>` : `<a href="/?week=${e(encodeURIComponent(w.week))}">${e(w.week)}</a>`) + ` <span class="note">${e(formatCount(w.sessions))}</span>`)
    .join(" ")}</section>`;
  const empty = data.sessions === 0 ? `<p class="empty">No sessions were scored this week: run <code>selfheal gather</code>.</p>` : "";
  const body = [picker, headline(data), empty, trend(data), fixesSection(data), empty ? "" : scores(data), empty ? "" : departments(data)].join("\n");
  return page({ title: `Week ${week}`, productName: ctx.loaded.profile.product.name, section: "week", week, body });
}
