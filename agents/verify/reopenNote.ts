import type { FixVerdict, WindowFigures } from "../../state/verdict.js";

const SHIPPED_BY: Record<FixVerdict["shippedBy"], string> = {
  pr_merged: "pull request merged",
  branch_merged: "branch merged into the default branch",
  tracker_done: "ticket marked done",
};

function window(label: string, w: WindowFigures | null): string {
  if (!w) return `${label}: no data yet`;
  return `${label} (${w.from.slice(0, 10)} to ${w.to.slice(0, 10)}): ${w.sessions} of ${w.productSessions} sessions (${w.perThousand ?? "n/a"} per 1,000); flow NPS ${w.nps ?? "n/a"}`;
}

/** The note a reopened ticket gets: the fix that did not hold, and the evidence. */
export function reopenNote(v: FixVerdict): string {
  return [
    `Reopened by selfheal verify: the fix shipped ${v.shippedAt.slice(0, 10)} (${SHIPPED_BY[v.shippedBy]}: ${v.shippedRef}) did not hold${v.worse ? ", and made things worse" : ""}.`,
    v.reason,
    window("Before", v.before),
    window("After", v.after),
  ].join("\n");
}
