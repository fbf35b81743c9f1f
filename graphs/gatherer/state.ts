import { Annotation } from "@langchain/langgraph";
import type { SessionRange } from "../../warehouse/types.js";

const sum = (a: number, b: number): number => a + b;

/** Failed sessions a summary names; the count is `failed`, every reason is in the warehouse (`reports --failed`). */
export const FAILURES_LISTED = 20;

/** A failed session and why, as `gather --json` lists it. */
export interface GatherFailure {
  sessionId: string;
  reason: string;
}

import type { GatherMode } from "../../state/report.js";

export type { Analyst, GatherMode } from "../../state/report.js";

/** Counts and ids only: reports live in the warehouse, never in a checkpoint. */
export const GathererState = Annotation.Root({
  /** ISO week to score (YYYY-Www); null scores every session without a current report. */
  week: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Stop after this many sessions; null for all. */
  limit: Annotation<number | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Which analyst writes the reports, or the cascade; "auto" (the default) is the profile's `gatherer.mode`. Set to the one chosen by the plan. */
  analyst: Annotation<GatherMode | "auto">({ reducer: (_a, b) => b, default: () => "auto" }),
  /** Model requests in flight at once (LLM analyst); null for the profile's `gatherer.concurrency`. */
  concurrency: Annotation<number | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Analyst version the reports are written under; set by the plan. */
  analystVersion: Annotation<string>({ reducer: (_a, b) => b, default: () => "" }),
  /** The batches the plan cut: session-id ranges, a few hundred sessions each. */
  plannedBatches: Annotation<SessionRange[]>({ reducer: (_a, b) => b, default: () => [] }),
  /** The batch one scoreBatch task works on (the payload of its Send). */
  batch: Annotation<SessionRange | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Sessions in scope that already had a current report. */
  skipped: Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  /** Reports written in this run, summed over batches. */
  scored: Annotation<number>({ reducer: sum, default: () => 0 }),
  /** Cascade: sessions the rules were unsure of and sent to the model, summed over batches. */
  escalated: Annotation<number>({ reducer: sum, default: () => 0 }),
  /** Sessions whose analysis failed, summed over batches. */
  failed: Annotation<number>({ reducer: sum, default: () => 0 }),
  /** Why the first failed session failed (one reason, not one per session), so a run that fails says why. */
  firstFailure: Annotation<string | null>({ reducer: (a, b) => a ?? b, default: () => null }),
  /** The first failed sessions and their reasons, at most FAILURES_LISTED over all batches. */
  failures: Annotation<GatherFailure[]>({ reducer: (a, b) => [...a, ...b].slice(0, FAILURES_LISTED), default: () => [] }),
  /** The stage's result, the one key the weekly graph reads back. */
  gatherSummary: Annotation<GatherSummary | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type GathererStateType = typeof GathererState.State;
export type GathererUpdate = typeof GathererState.Update;

/** The `gather --json` contract. */
export interface GatherSummary {
  scored: number;
  skipped: number;
  failed: number;
  analyst: GatherMode;
  /** The version the reports were written under; the cascade's is the model's (its rules reports keep the rules' version). */
  analystVersion: string;
  /** Cascade only: of the sessions scored, those sent to the model because the rules were unsure (confidence below the threshold). */
  escalated?: number;
  /** Why the first failed session failed; null when none did. */
  firstFailure: string | null;
  /** The first failed sessions (at most FAILURES_LISTED; `failed` counts them all) and why each failed. */
  failures: GatherFailure[];
}
