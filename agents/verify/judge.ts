import type { VerifySettings } from "../../state/profileSections/verify.js";
import type { FixVerdict, Verdict, WindowFigures } from "../../state/verdict.js";
import { comparePoissonRates } from "./rateTest.js";
import { npsChange, npsEstimate, type NpsChange } from "./npsInterval.js";
import type { WindowReading } from "./windowReading.js";

/** A window's figures for one pattern and its flow (the pattern's department), with the flow's scores. */
export function figuresOf(reading: WindowReading, fingerprint: string, department: string): { figures: WindowFigures; flowScores: number[] } {
  const hit = reading.hits.get(fingerprint)?.size ?? 0;
  const flowScores = reading.sessions.filter((s) => s.department === department).map((s) => s.score);
  const product = reading.sessions.length;
  const nps = npsEstimate(flowScores).nps;
  return {
    figures: {
      from: reading.from.toISOString(),
      to: reading.to.toISOString(),
      productSessions: product,
      sessions: hit,
      perThousand: product ? Math.round((hit * 10_000) / product) / 10 : null,
      flowSessions: flowScores.length,
      nps: nps === null ? null : Math.round(nps),
    },
    flowScores,
  };
}

export type Judgement = Pick<FixVerdict, "verdict" | "reason" | "pLower" | "pHigher" | "npsChange" | "worse" | "recurred">;

interface Side {
  figures: WindowFigures;
  flowScores: number[];
}

const pct = (p: number): string => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/**
 * The verdict. Healed: the pattern's rate fell by an exact Poisson test and the flow's implied NPS did
 * not fall significantly. Not healed: the after-window could have shown a drop and did not (or the flow
 * got significantly worse). Inconclusive: too early, or too few sessions to tell either way.
 */
export function judge(before: Side, after: Side | null, afterComplete: boolean, settings: VerifySettings, previously: Verdict | null): Judgement {
  const none = { pLower: null, pHigher: null, npsChange: null, worse: false, recurred: false };
  const b = before.figures;
  if (b.sessions < settings.minBaselineSessions) {
    return { ...none, verdict: "inconclusive", reason: `insufficient data: ${b.sessions} sessions hit the pattern in the ${settings.windowDays} days before shipping (at least ${settings.minBaselineSessions} needed)` };
  }
  if (!after || !afterComplete) {
    return { ...none, verdict: "inconclusive", reason: `too early: the ${settings.windowDays}-day window after the ${settings.settleDays}-day settling period has not passed yet` };
  }
  const a = after.figures;
  const rates = comparePoissonRates(b.sessions, b.productSessions, a.sessions, a.productSessions);
  const ci = npsChange(npsEstimate(before.flowScores), npsEstimate(after.flowScores), settings.confidence);
  const flowWorse = ci !== null && ci.high < 0;
  const rose = rates.pHigher < settings.significance;
  const base = { pLower: rates.pLower, pHigher: rates.pHigher, npsChange: ci ? { ...ci, confidence: settings.confidence } : null, worse: rose || flowWorse };
  const rateText = `${b.sessions} of ${b.productSessions} sessions (${b.perThousand}‰) before, ${a.sessions} of ${a.productSessions} (${a.perThousand}‰) after`;
  const npsText = describeNps(ci, settings.confidence);
  if (rates.pLower < settings.significance && !flowWorse) {
    return { ...base, recurred: false, verdict: "healed", reason: `the pattern fell: ${rateText} (${pct(rates.pLower)}); ${npsText}` };
  }
  if (rates.bestPossiblePLower >= settings.significance && !rose && !flowWorse) {
    return { ...base, recurred: false, verdict: "inconclusive", reason: `insufficient data: with ${rateText}, even no session after could not show a significant drop` };
  }
  const why = rose ? `the pattern rose: ${rateText} (${pct(rates.pHigher)})` : rates.pLower < settings.significance ? `the pattern fell (${rateText}) but the flow got worse` : `the pattern did not fall: ${rateText} (${pct(rates.pLower)})`;
  const recurred = previously === "healed";
  return { ...base, recurred, verdict: "not_healed", reason: `${recurred ? "came back after it was healed; " : ""}${why}; ${npsText}` };
}

function describeNps(ci: NpsChange | null, confidence: number): string {
  if (!ci) return "the flow's implied NPS cannot be compared (no scored session on one side)";
  const signed = (n: number): string => `${n >= 0 ? "+" : ""}${Math.round(n)}`;
  return `the flow's implied NPS changed ${signed(ci.change)} (${Math.round(confidence * 100)}% CI ${signed(ci.low)} to ${signed(ci.high)})`;
}
