import { createHash } from "node:crypto";
import type { ProductProfile } from "../../state/profile.js";
import type { Outcome, SessionReport } from "../../state/report.js";
import type { SessionSignals } from "../../state/session.js";
import { departmentOf } from "./department.js";
import { readFacts, type SessionFacts } from "./sessionFacts.js";
import { redactReport } from "./redact.js";

/** Bump when the rules change: every session is then scored again under the new version. */
const RULES_VERSION = "heuristic-rules-4"; // 2: texts redacted; 3: clicks in vain are never a bounce; 4: department prefixes normalized
const BOUNCE_MAX_SECONDS = 30;
const QUICK_EXIT_SECONDS = 120;
const MAX_EVIDENCE = 12;

/** The analyst version: the rules plus the parts of the profile they read. */
export function heuristicVersion(profile: ProductProfile): string {
  const inputs = JSON.stringify([RULES_VERSION, profile.successEvents, profile.departments, profile.fallbackDepartment]);
  return `heuristic-${createHash("sha256").update(inputs).digest("hex").slice(0, 12)}`;
}

interface Judgement {
  outcome: Outcome;
  score: number;
  userSuccess: string;
  improvement: string;
  /** The route the report is about, for the department. */
  focusRoute: string;
}

/**
 * The analyst without a model: reads the session's signals against the product profile and writes the
 * same report a model would. Deterministic; the baseline every eval compares to.
 */
export function analyzeHeuristically(signals: SessionSignals, profile: ProductProfile): SessionReport {
  const facts = readFacts(signals, profile);
  const judgement = judge(facts);
  // Exception messages, search queries and UTM terms are copied into the text: redact before it leaves.
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
  });
}

function judge(f: SessionFacts): Judgement {
  const s = f.signals;
  const time = `${describeDuration(s.durationSec)} over ${plural(s.pageviews, "page")}`;
  const reached = f.distinctWins.length ? `reached ${f.distinctWins.join(", ")}` : "reached no success event";

  if (f.problems.length > 0) return judgeProblem(f, time, reached);
  // Clicking one thing again and again before leaving is a failure to report, not a bounce.
  if (!f.wins.length && !f.futileClicks && s.pageviews <= 1 && s.durationSec < BOUNCE_MAX_SECONDS) {
    const term = s.utm["utm_term"];
    if (term) {
      return {
        outcome: "wrong_product",
        score: 5,
        userSuccess: `Arrived from a search for "${term}" and left after ${describeDuration(s.durationSec)}: not what they were looking for.`,
        improvement: `Visitors from searches such as "${term}" leave at once: they wanted another product; review ad and search targeting.`,
        focusRoute: s.entryRoute,
      };
    }
    return { outcome: "bounce", score: 4, userSuccess: `Left ${s.entryRoute} after ${describeDuration(s.durationSec)}.`, improvement: "", focusRoute: s.entryRoute };
  }
  const confusion = confusionOf(f);
  if (f.wins.length) {
    let score = 7 + (s.durationSec >= 300 ? 1 : 0) + (s.durationSec >= 600 ? 1 : 0) + (f.distinctWins.length >= 2 ? 1 : 0);
    if (confusion) score = Math.max(5, score - 3);
    return {
      outcome: confusion ? "partial" : "success",
      score: Math.min(10, score),
      userSuccess: `Spent ${time} and ${reached}.${confusion ? ` ${confusion.story}` : ""}`,
      improvement: confusion?.improvement ?? "",
      focusRoute: confusion?.route ?? deepestRoute(s.routes),
    };
  }
  if (confusion) {
    return { outcome: "failure", score: 3, userSuccess: `Spent ${time}, ${reached}. ${confusion.story}`, improvement: confusion.improvement, focusRoute: confusion.route };
  }
  return { outcome: "partial", score: 5, userSuccess: `Spent ${time} and ${reached}.`, improvement: "", focusRoute: s.exitRoute };
}

function judgeProblem(f: SessionFacts, time: string, reached: string): Judgement {
  const s = f.signals;
  const exception = s.exceptions[0];
  if (!exception) throw new Error("judgeProblem needs an exception");
  const rageCount = s.clickSignals.filter((c) => c.kind === "rage").length;
  const hit = `hit ${exception.type} on ${exception.route} ("${truncate(exception.message, 120)}")`;
  const rageNote = rageCount ? `, rage-clicked ${plural(rageCount, "time")}` : "";
  const improvement = `Fix the ${exception.type} users hit on ${exception.route}.`;
  const focusRoute = exception.route;
  if (f.recovered) {
    return {
      outcome: "partial",
      score: s.exceptions.length > 1 ? 5 : 6,
      userSuccess: `Spent ${time}; ${hit}${rageNote}, then recovered and ${reached}.`,
      improvement,
      focusRoute,
    };
  }
  const quickExit = (f.secondsAfterLastProblem ?? Infinity) <= QUICK_EXIT_SECONDS;
  const score = f.wins.length > 0 ? 3 : quickExit && rageCount > 0 ? 1 : 2;
  const exit = quickExit ? `, and left ${describeDuration(f.secondsAfterLastProblem ?? 0)} later` : ", and never got past it";
  return { outcome: "failure", score, userSuccess: `Spent ${time}; ${hit}${rageNote}${exit}; ${reached}.`, improvement, focusRoute };
}

/** Clicks in vain, back-and-forth loops and fruitless searches: the product works but not as users expect. */
function confusionOf(f: SessionFacts): { story: string; improvement: string; route: string } | null {
  const s = f.signals;
  const clicks = f.futileClicks;
  if (clicks) {
    return {
      story: `Clicked "${clicks.text}" on ${clicks.route} ${plural(clicks.count, "time")} and nothing happened.`,
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
  const search = s.searches[0];
  if (search && !f.wins.length) {
    const queries = [...new Set(s.searches.map((q) => `"${truncate(q.query, 40)}"`))].slice(0, 3).join(", ");
    return {
      story: `Searched ${search.route} for ${queries} and found nothing to act on.`,
      improvement: `Users search ${search.route} and leave without success: add or surface what they look for.`,
      route: search.route,
    };
  }
  return null;
}

function intentOf(f: SessionFacts): string {
  const s = f.signals;
  const term = s.utm["utm_term"];
  const campaign = s.utm["utm_campaign"];
  const from = term ? ` (searched for "${term}")` : campaign ? ` (campaign "${campaign}")` : s.referrer ? ` (from ${s.referrer})` : "";
  const goal = f.wins[0]?.name ?? s.searches[0]?.query;
  const target = deepestRoute(s.routes);
  if (goal && f.wins.length) return `Use ${target} to get to ${goal}${from}.`;
  if (goal) return `Find "${truncate(goal, 60)}" in the product${from}.`;
  return `Use ${target}${from}.`;
}

/** The most specific route visited: where the user was trying to get to. */
function deepestRoute(routes: string[]): string {
  return routes.reduce((best, r) => (r.split("/").length > best.split("/").length ? r : best), routes[0] ?? "/");
}

function evidenceOf(f: SessionFacts): string[] {
  const s = f.signals;
  const ids = [
    ...s.exceptions.map((e) => e.eventId),
    ...s.clickSignals.map((c) => c.eventId),
    ...f.wins.map((w) => w.eventId),
    ...s.searches.map((q) => q.eventId),
    s.lastEventId,
  ];
  return [...new Set(ids)].slice(0, MAX_EVIDENCE);
}

function describeDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
