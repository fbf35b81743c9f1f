import type { ProductProfile } from "../../state/profile.js";
import type { SessionSignals } from "../../state/session.js";
import { DEFAULT_SEARCH_PARAMETERS, normalizeRoute } from "../../connectors/routes.js";
import { matchesPrefix } from "./department.js";

/** One search a user made, and whether it led anywhere. */
export interface Search {
  eventId: string;
  route: string;
  query: string;
  at: string;
  /** The user went on to a result (another page, or a success) and the search did not report zero results. */
  answered: boolean;
}

/** A product event named like a search, with a property that reads as its query, is one by default. */
const SEARCH_NAMED = /search/i;
const QUERY_KEYS = ["query", "q", "search", "search_query", "searchQuery", "term", "search_term", "searchTerm", "keyword", "keywords"];
const RESULT_KEYS = ["results", "result_count", "resultCount", "results_count", "resultsCount", "hits"];

/**
 * The session's searches: page URLs with a search parameter (the profile's, else the defaults) and
 * product events that record one (declared in `searchEvents`, or named like a search with a query
 * property). A search is answered when the user then went to a result — another page, or a success
 * event — unless the event itself said it found nothing.
 */
export function searchesOf(signals: SessionSignals, profile: ProductProfile): Search[] {
  const parameters = (profile.searchEvents.urlParameters ?? DEFAULT_SEARCH_PARAMETERS).map((p) => p.toLowerCase());
  const declared = new Map(profile.searchEvents.events.map((d) => [d.event, d]));
  const found: (Omit<Search, "answered"> & { zeroResults: boolean })[] = [];
  for (const page of signals.pageParams ?? []) {
    const entry = Object.entries(page.params).find(([k, v]) => parameters.includes(k.toLowerCase()) && v.trim());
    if (entry) found.push({ eventId: page.eventId, route: page.route, query: entry[1].trim(), at: page.at, zeroResults: false });
  }
  const success = new Set(profile.successEvents);
  for (const e of signals.customEvents) {
    const rule = declared.get(e.name);
    if (!rule && (!SEARCH_NAMED.test(e.name) || success.has(e.name))) continue;
    const props = e.props ?? {};
    const query = textOf(rule ? props[rule.queryProperty] : firstOf(props, QUERY_KEYS));
    if (!query) continue;
    const count = rule?.resultCountProperty ? props[rule.resultCountProperty] : firstOf(props, RESULT_KEYS);
    found.push({ eventId: e.eventId, route: e.route ?? signals.exitRoute, query, at: e.at, zeroResults: count === 0 || count === "0" });
  }
  found.sort((a, b) => a.at.localeCompare(b.at));
  return found.map(({ zeroResults, ...s }) => ({ ...s, answered: !zeroResults && wentOn(signals, s, success) }));
}

/** After the search: a page view elsewhere, or a success event. */
function wentOn(signals: SessionSignals, search: { route: string; at: string }, success: Set<string>): boolean {
  if (signals.customEvents.some((e) => e.at > search.at && success.has(e.name))) return true;
  const after = signals.routeVisits ?? [];
  return after.some((v) => v.at > search.at && v.route !== search.route);
}

/** Where most products keep their help centre or docs; a profile names its own (`searchEvents.helpRoutes`). */
export const DEFAULT_HELP_ROUTES: readonly string[] = ["/help", "/docs", "/support", "/faq", "/kb"];

/** Whether a route is in the help centre or docs: where users look up how to do something elsewhere. */
export function isHelpRoute(route: string, profile: ProductProfile): boolean {
  return (profile.searchEvents.helpRoutes ?? DEFAULT_HELP_ROUTES).some((p) => matchesPrefix(route, normalizeRoute(p)));
}

/**
 * Where the need behind a search came from. A search in the help centre is about the page the user was
 * on before opening it (else the one they went on to): that page's department owns what they missed.
 * A search anywhere else is about the page it was made on.
 */
export function needRouteOf(signals: SessionSignals, search: Search, profile: ProductProfile): string {
  if (!isHelpRoute(search.route, profile)) return search.route;
  const visits = (signals.routeVisits ?? []).filter((v) => !isHelpRoute(v.route, profile));
  const before = visits.filter((v) => v.at <= search.at).at(-1);
  return (before ?? visits.find((v) => v.at > search.at))?.route ?? search.route;
}

/** After the search the user went back to using the product (a page outside the help centre): they carried on without it. */
export function carriedOn(signals: SessionSignals, search: Search, profile: ProductProfile): boolean {
  return (signals.routeVisits ?? []).some((v) => v.at > search.at && v.route !== search.route && !isHelpRoute(v.route, profile));
}

function firstOf(props: Record<string, string | number | boolean>, keys: readonly string[]): string | number | boolean | undefined {
  for (const key of keys) if (props[key] !== undefined) return props[key];
  return undefined;
}

function textOf(value: string | number | boolean | undefined): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
