import type { SessionSignals } from "../../state/session.js";

/** One page left this soon is a bounce, whatever was done on it. */
const BOUNCE_MAX_SECONDS = 30;
/** Pages opened faster than this each are a crawler's, not a reader's. */
const CRAWL_SECONDS_PER_PAGE = 1;
/** Fewer pages than this prove nothing about speed (a redirect opens two at once). */
const CRAWL_MIN_PAGES = 3;

/**
 * Left without engaging: one page left within seconds, one page with no interaction at all (no click,
 * no product event: analytics' usual definition of a bounce, however long the tab stayed open), or pages
 * opened faster than anyone reads them (a crawler). Not a product user either way.
 */
export function leftWithoutEngaging(s: SessionSignals): boolean {
  if (s.pageviews >= CRAWL_MIN_PAGES && s.durationSec < s.pageviews * CRAWL_SECONDS_PER_PAGE) return true;
  if (s.pageviews > 1) return false;
  return s.durationSec < BOUNCE_MAX_SECONDS || (s.clicks === 0 && s.customEvents.length === 0);
}

/** Arrived from a campaign (an ad, a newsletter link): the entry carried utm_* parameters. */
export function arrivedFromCampaign(s: SessionSignals): boolean {
  return Object.keys(s.utm).some((k) => k.startsWith("utm_"));
}
