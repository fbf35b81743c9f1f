// Help center: article list and search.
import type { AppResponse } from "../http.js";
import { ARTICLES, searchArticles, type Article } from "../help/articles.js";
import type { RequestContext } from "../router.js";
import { escapeHtml, page } from "./layout.js";

const SEARCH_FORM = `<form action="/help/search"><input name="q" placeholder="Search help"><button class="btn">Search</button></form>`;

function list(articles: readonly Article[]): string {
  return `<ul class="articles">${articles.map((a) => `<li><h3>${escapeHtml(a.title)}</h3><p>${escapeHtml(a.body)}</p></li>`).join("")}</ul>`;
}

export function renderHelp(): AppResponse {
  return page("Help", `<h1>Help center</h1>${SEARCH_FORM}${list(ARTICLES)}`);
}

export function renderHelpSearch(ctx: RequestContext): AppResponse {
  const query = ctx.req.query.get("q") ?? "";
  const results = searchArticles(query);
  ctx.deps.analytics.capture(ctx.req.userId, "help_searched", { query, results: results.length });
  const body = results.length > 0 ? list(results) : `<p class="empty">No articles match “${escapeHtml(query)}”.</p>`;
  return page(`Search: ${query}`, `<h1>Help center</h1>${SEARCH_FORM}${body}`);
}
