import type { VerifySettings } from "../../state/profileSections/verify.js";

const DAY_MS = 86_400_000;

export interface CheckWindows {
  before: { from: Date; to: Date };
  /** The latest full window after settling, or what has passed of the first one; null before it begins. */
  after: { from: Date; to: Date } | null;
  /** Whether a whole after-window has passed since settling. */
  afterComplete: boolean;
}

/**
 * The baseline is the window just before shipping; the after-window starts once the settling period is
 * over and, when more than a window has passed since, is the latest full window (so a pattern that comes
 * back shows in it). asOf is where the data ends.
 */
export function checkWindows(shippedAt: Date, asOf: Date, settings: Pick<VerifySettings, "settleDays" | "windowDays">): CheckWindows {
  const windowMs = settings.windowDays * DAY_MS;
  const settled = shippedAt.getTime() + settings.settleDays * DAY_MS;
  const before = { from: new Date(shippedAt.getTime() - windowMs), to: shippedAt };
  if (asOf.getTime() <= settled) return { before, after: null, afterComplete: false };
  const afterComplete = asOf.getTime() - settled >= windowMs;
  const from = afterComplete ? asOf.getTime() - windowMs : settled;
  return { before, after: { from: new Date(from), to: asOf }, afterComplete };
}
