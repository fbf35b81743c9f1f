import type { FailurePattern } from "../../state/pattern.js";

/** A week's failure patterns. */
export interface PatternStore {
  /** Replaces the week's patterns with these, all or none; other weeks are untouched. */
  savePatterns(week: string, patterns: FailurePattern[]): Promise<void>;
  /** Most sessions first, then by fingerprint. */
  listPatterns(week: string): Promise<FailurePattern[]>;
}
