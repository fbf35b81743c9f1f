import { Annotation } from "@langchain/langgraph";
import type { FixVerdict } from "../../state/verdict.js";

/** One line of the `verify --json` contract: a shipped fix, its verdict and its before/after figures. */
export interface VerifyLine {
  ticket: string;
  url: string;
  title: string;
  pattern: string;
  department: string;
  shippedAt: string;
  shippedBy: FixVerdict["shippedBy"];
  shippedRef: string;
  verdict: FixVerdict["verdict"];
  reason: string;
  before: FixVerdict["before"];
  after: FixVerdict["after"];
  pLower: number | null;
  npsChange: FixVerdict["npsChange"];
  worse: boolean;
  recurred: boolean;
  reopened: boolean;
}

export interface VerifySummary {
  week: string;
  /** End of the data checked (ISO time): the week's end, or now for the current week. */
  asOf: string;
  fixes: VerifyLine[];
}

export const VerifyState = Annotation.Root({
  /** ISO week whose end the check reads up to (YYYY-Www). */
  week: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** The stage's result, the one key the weekly graph reads back. */
  verifySummary: Annotation<VerifySummary | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type VerifyStateType = typeof VerifyState.State;
export type VerifyUpdate = typeof VerifyState.Update;

export function verifyLine(v: FixVerdict): VerifyLine {
  return {
    ticket: v.ticketId,
    url: v.ticketUrl,
    title: v.title,
    pattern: v.fingerprint,
    department: v.department,
    shippedAt: v.shippedAt,
    shippedBy: v.shippedBy,
    shippedRef: v.shippedRef,
    verdict: v.verdict,
    reason: v.reason,
    before: v.before,
    after: v.after,
    pLower: v.pLower,
    npsChange: v.npsChange,
    worse: v.worse,
    recurred: v.recurred,
    reopened: v.reopened,
  };
}
