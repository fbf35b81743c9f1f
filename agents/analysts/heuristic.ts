import { createHash } from "node:crypto";
import type { ProductProfile } from "../../state/profile.js";
import type { Outcome, SessionReport } from "../../state/report.js";
import type { SessionException, SessionSignals } from "../../state/session.js";
import { departmentOf } from "./department.js";
import { readFacts, type SessionFacts } from "./sessionFacts.js";
import { redactReport } from "./redact.js";
import { cutText } from "./cutText.js";
import { isOnTarget } from "./acquisition.js";
import { arrivedFromCampaign, leftWithoutEngaging } from "./engagement.js";
import { carriedOn, needRouteOf } from "./searches.js";
import { normalizeMessage } from "../pm/normalize.js";
import { confidenceOf } from "./confidence.js";
import { counted } from "../../runtime/plural.js";

/** Bump when the rules change: every session is then scored again under the new version. */
// 2: texts redacted; 3: clicks in vain are never a bounce; 4: department prefixes normalized; 5: calibrated
// scores, noise apart, declared search and failure events, answered searches, outcome's department; 6: a
// workaround is partial, an unanswered search beside a success is partial; 7: failure-named events,
// network failures of fetch are noise; 8: React Native touches are clicks; 9: an untroubled visit is a success,
// a campaign arrival without one is acquisition, a bounce is a visit without interaction or a crawl, a help
// search is its page's need, a rage click without a success is a failure, a page reopened without failing is
// got past, a refused input is worked around, images that fail to load are noise; 11: a server-side failure
// joined after the last page is met as the user left (never a negative time before leaving); the intent of a
// session without success is where its trouble was, else the deepest route past the entry.
export const RULES_VERSION = "heuristic-rules-11";
const QUICK_EXIT_SECONDS = 120;
/** Active minutes (idle gaps left out) after which a smooth success is a 10, not a 9. */
const ENGAGED_ACTIVE_SECONDS = 300;
const MAX_EVIDENCE = 12;
const MAX_NOISE = 5;
/** Got part of what they came for: a detractor, but above one blocked outright. */
const WORKAROUND_SCORE = 5;

/** The analyst version: the rules plus every part of the profile they read. */
export function heuristicVersion(profile: ProductProfile): string {
  const inputs = JSON.stringify([
    RULES_VERSION,
    profile.product,
    profile.successEvents,
    profile.searchEvents,
    profile.failureEvents,
    profile.noise,
    profile.departments,
    profile.fallbackDepartment,
  ]);
  return `heuristic-${createHash("sha256").update(inputs).digest("hex").slice(0, 12)}`;
}

interface Judgement {
  outcome: Outcome;
  score: number;
  userSuccess: string;
  improvement: string;
  /** Where the outcome happened (the success, the failure): the department owns it. */
  focusRoute: string;
}

/** An untroubled visit with no success event (reading, watching, looking something up): a promoter, not an engaged one. */
const UNTROUBLED_SCORE = 9;

/**
 * The analyst without a model: reads the session's signals against the product profile and writes the
 * same report a model would. Deterministic; the baseline every eval compares to.
 */
export function analyzeHeuristically(signals: SessionSignals, profile: ProductProfile): SessionReport {
  const facts = readFacts(signals, profile);
  const judgement = judge(facts, profile);
  // Messages, queries and terms are cut, then the report is redacted: redaction always sees the final text.
  return redactReport({
    sessionId: signals.sessionId,
    userIntent: intentOf(facts),
    userSuccess: judgement.userSuccess,
    improvement: judgement.improvement,
    department: departmentOf(judgement.focusRoute, profile),
    score: judgement.score,
    outcome: judgement.outcome,
    evidence: evidenceOf(facts),
    analyst: "heuristic",
    analystVersion: heuristicVersion(profile),
    confidence: confidenceOf(facts, judgement.outcome),
    ...(facts.noise.length ? { noise: noiseSignals(facts.noise) } : {}),
  });
}

function judge(f: SessionFacts, profile: ProductProfile): Judgement {
  const s = f.signals;
  const time = `${describeDuration(s.activeSec ?? s.durationSec)} active over ${counted(s.pageviews, "page")}`;
  const reached = f.distinctWins.length ? `reached ${f.distinctWins.join(", ")}` : "reached no success event";
  // The first success is what they came for; where it happened owns the session.
  const firstWin = f.wins[0];

  if (f.problems.length > 0) return judgeProblem(f, time, reached);
  // Clicking one thing again and again before leaving is a failure to report, not a bounce.
  if (!f.wins.length && !f.futileClicks && leftWithoutEngaging(s)) return acquisitionOf(s, profile);
  const confusion = confusionOf(f, profile);
  if (firstWin) {
    if (confusion) {
      const focusRoute = confusion.searched ? (firstWin.route ?? s.exitRoute) : confusion.route;
      return { outcome: "partial", score: 6, userSuccess: `Spent ${time} and ${reached}. ${confusion.story}`, improvement: confusion.improvement, focusRoute };
    }
    // A smooth success is a promoter whatever its length; engagement (active time, not idle) or a second kind of success makes it a 10.
    const engaged = (s.activeSec ?? 0) >= ENGAGED_ACTIVE_SECONDS || f.distinctWins.length >= 2;
    return { outcome: "success", score: engaged ? 10 : 9, userSuccess: `Spent ${time} and ${reached}.${noiseNote(f)}`, improvement: "", focusRoute: firstWin.route ?? s.exitRoute };
  }
  if (confusion) {
    // They found nothing and went back to the product anyway: they carry on without what they looked for.
    const outcome = confusion.carriedOn ? "partial" : "failure";
    return { outcome, score: confusion.carriedOn ? 5 : 3, userSuccess: `Spent ${time}, ${reached}. ${confusion.story}`, improvement: confusion.improvement, focusRoute: confusion.route };
  }
  // No success and no trouble. From a campaign, they came to try the product and did not take it up: acquisition.
  if (arrivedFromCampaign(s)) return acquisitionOf(s, profile);
  // Otherwise they used it (read, watched, looked something up) and nothing went wrong: a satisfied visit.
  return { outcome: "success", score: UNTROUBLED_SCORE, userSuccess: `Spent ${time}, ${reached}, and met no trouble.${noiseNote(f)}`, improvement: "", focusRoute: s.exitRoute };
}

/** Acquisition, not product satisfaction: an on-target visitor who left is a bounce, an off-target one wanted something else. */
function acquisitionOf(s: SessionSignals, profile: ProductProfile): Judgement {
  const term = s.utm["utm_term"];
  if (term && !isOnTarget(term, profile)) {
    return {
      outcome: "wrong_product",
      score: 5,
      userSuccess: `Arrived from a search for "${cutText(term, 60)}" and left after ${describeDuration(s.durationSec)}: not what they were looking for.`,
      improvement: `Visitors from searches such as "${cutText(term, 60)}" leave at once: they wanted another product; review ad and search targeting.`,
      focusRoute: s.entryRoute,
    };
  }
  return { outcome: "bounce", score: 4, userSuccess: `Left ${s.entryRoute} after ${describeDuration(s.durationSec)}.`, improvement: "", focusRoute: s.entryRoute };
}

function judgeProblem(f: SessionFacts, time: string, reached: string): Judgement {
  const s = f.signals;
  // The last failure is the one the session ended on, or the last one the user got past.
  const problem = f.problems.at(-1) as SessionException;
  const rageCount = s.clickSignals.filter((c) => c.kind === "rage").length;
  const hit = `hit ${problem.type} on ${problem.route}${problem.message ? ` ("${cutText(problem.message, 120)}")` : ""}`;
  const rageNote = rageCount ? `, rage-clicked ${counted(rageCount, "time")}` : "";
  const improvement = `Fix the ${problem.type} users hit on ${problem.route}.`;
  const lastWin = f.wins.at(-1);
  if (f.recovered && lastWin && !f.gotPast) {
    // They reached a success another way, and what failed stays undone: part of what they came for.
    return {
      outcome: "partial",
      score: WORKAROUND_SCORE,
      userSuccess: `Spent ${time}; ${hit}${rageNote}, worked around it and ${reached}.`,
      improvement,
      focusRoute: problem.route,
    };
  }
  if (f.recovered && lastWin) {
    // They did again what had failed and got what they came for: a success, lowered (a passive) by the error on the way.
    return {
      outcome: "success",
      score: f.distinctWins.length >= 2 ? 8 : 7,
      userSuccess: `Spent ${time}; ${hit}${rageNote}, got past it and ${reached}.`,
      improvement,
      focusRoute: (f.wins.find((w) => w.at > problem.at) ?? lastWin).route ?? s.exitRoute,
    };
  }
  if (!lastWin && f.reopenedWithoutFailing) {
    // No success event, but the page that failed as it opened worked when opened again: got past it, lowered by the error.
    return { outcome: "success", score: 7, userSuccess: `Spent ${time}; ${hit}${rageNote}, got past it and ${reached}.`, improvement, focusRoute: problem.route };
  }
  const quickExit = (f.secondsAfterLastProblem ?? Infinity) <= QUICK_EXIT_SECONDS;
  const exit = quickExit ? `, and left ${describeDuration(f.secondsAfterLastProblem ?? 0)} later` : ", and never got past it";
  const story = `Spent ${time}; ${hit}${rageNote}${exit}; ${reached}.`;
  // A success before the failure: they got part of what they came for.
  if (lastWin) return { outcome: "partial", score: 4, userSuccess: story, improvement, focusRoute: problem.route };
  return { outcome: "failure", score: quickExit && rageCount > 0 ? 1 : 2, userSuccess: story, improvement, focusRoute: problem.route };
}

interface Confusion {
  story: string;
  improvement: string;
  /** Where the confusion happened. */
  route: string;
  /** It was a search that found nothing: the page searched is not where the outcome happened. */
  searched?: boolean;
  /** ...and the user went back to the product after it. */
  carriedOn?: boolean;
}

/** Clicks in vain, back-and-forth loops and searches that found nothing: the product works but not as users expect. */
function confusionOf(f: SessionFacts, profile: ProductProfile): Confusion | null {
  const clicks = f.futileClicks;
  if (clicks) {
    return {
      story: `Clicked "${clicks.text}" on ${clicks.route} ${counted(clicks.count, "time")} and nothing happened.`,
      improvement: `Users click "${clicks.text}" on ${clicks.route} again and again and nothing happens: make it work or show the way.`,
      route: clicks.route,
    };
  }
  // Going back and forth is ordinary navigation for someone who gets things done: a signal only without a win.
  if (f.loop && !f.wins.length) {
    const [a, b] = f.loop;
    return {
      story: `Went back and forth between ${a} and ${b}.`,
      improvement: `Users go back and forth between ${a} and ${b}: simplify that flow.`,
      route: b,
    };
  }
  // A search that led to a result is the product working; only one that led nowhere is an unmet need, even
  // beside a success: they got something done, not what they looked for.
  const unanswered = f.searches.filter((q) => !q.answered);
  const last = unanswered.at(-1);
  if (last) {
    const queries = [...new Set(unanswered.map((q) => cutText(q.query, 60)))].slice(0, 3);
    // The last query alone (the user's most refined wording), unquoted: the PM groups improvements by their
    // words, quoted values are masked as variables, and every extra query's rare words would split the need.
    // An element they clicked in vain names what they wanted as well as their words do ("Slack · coming
    // soon"), and it is the same element however each user words the search.
    const inert = f.signals.clickSignals.at(-1);
    const tried = inert?.text ? ` (they click ${cutText(inert.text, 60)}, which does nothing)` : "";
    return {
      story: `Searched ${last.route} for ${queries.map((q) => `"${q}"`).join(", ")} and found nothing to act on.`,
      improvement: `Users look for ${cutText(last.query, 60)} and find nothing${tried}: add it or make it findable.`,
      route: needRouteOf(f.signals, last, profile),
      searched: true,
      carriedOn: carriedOn(f.signals, last, profile),
    };
  }
  // Without a success, one burst of rage clicks is what the session ended on (beside a success, a burst can be
  // how a control is used: drawing a signature, dragging a slider).
  const rage = f.wins.length ? null : f.signals.clickSignals.filter((c) => c.kind === "rage").at(-1);
  if (rage) {
    return {
      story: `Clicked "${rage.text}" on ${rage.route} again and again and nothing happened.`,
      improvement: `Users click "${rage.text}" on ${rage.route} again and again and nothing happens: make it work or show the way.`,
      route: rage.route,
    };
  }
  return null;
}

function intentOf(f: SessionFacts): string {
  const s = f.signals;
  const term = s.utm["utm_term"];
  const campaign = s.utm["utm_campaign"];
  const from = term ? ` (searched for "${cutText(term, 60)}")` : campaign ? ` (campaign "${cutText(campaign, 60)}")` : s.referrer ? ` (from ${s.referrer})` : "";
  const win = f.wins[0];
  if (win) return `Use ${win.route ?? deepestRoute(s.routes)} to get to ${win.name}${from}.`;
  const search = f.searches[0];
  if (search) return `Find "${cutText(search.query, 60)}" in the product${from}.`;
  // Blocked or clicking in vain: what they came to do is what they were doing there.
  const trouble = f.problems[0]?.route ?? f.futileClicks?.route;
  return `Use ${trouble ?? deepestRoute(s.routes)}${from}.`;
}

/**
 * The most specific route visited: where the user was trying to get to, when nothing says better. Past
 * the entry when there is more than one: every visit of a mobile app opens on its home screen, and a
 * screen name is one segment deep, as deep as that home.
 */
function deepestRoute(routes: string[]): string {
  const beyondEntry = routes.length > 1 ? routes.slice(1) : routes;
  return beyondEntry.reduce((best, r) => (r.split("/").length > best.split("/").length ? r : best), beyondEntry[0] ?? "/");
}

function evidenceOf(f: SessionFacts): string[] {
  const s = f.signals;
  const ids = [
    ...f.problems.map((e) => e.eventId),
    ...s.clickSignals.map((c) => c.eventId),
    ...f.wins.map((w) => w.eventId),
    ...f.searches.map((q) => q.eventId),
    ...f.noise.map((e) => e.eventId),
    s.lastEventId,
  ];
  return [...new Set(ids)].slice(0, MAX_EVIDENCE);
}

/** Noise as the digest counts it: the normalized error, so one extension's error is one line however often it fires. */
function noiseSignals(noise: SessionException[]): string[] {
  return [...new Set(noise.map((e) => cutText(`${e.type}: ${normalizeMessage(e.message)}`, 120)))].slice(0, MAX_NOISE);
}

/** A benign browser error (a ResizeObserver loop) is the product's page, harmless; the rest come from outside it. */
function noiseNote(f: SessionFacts): string {
  const benign = f.noise.filter((e) => e.noise === "benign").length;
  const outside = f.noise.length - benign;
  const parts = [benign ? counted(benign, "benign browser error") : "", outside ? `${counted(outside, "error")} from outside the product` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(" and ")}, not counted)` : "";
}

function describeDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}

