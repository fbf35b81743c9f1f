import type { FixStatus } from "../../state/ticket.js";
import type { Outcome } from "../../state/report.js";
import type { ShippedBy, Verdict } from "../../state/verdict.js";

/** What each fix status means, in the digest's words (HTML and Markdown alike). */
export const FIX_STATUS: Record<FixStatus, { label: string; explain: string }> = {
  pr_opened: { label: "PR opened", explain: "Skynet wrote a fix that passed verification and opened a pull request. It needs a review." },
  needs_model: {
    label: "Needs a model",
    explain: "Skynet prepared everything for this fix (an isolated worktree, the reproduction, the relevant files and a brief), but no coding model has written the patch: none is configured, or the one configured did not answer (the reason says which). A developer can pick up the brief, or configure a working model and run fix again.",
  },
  failed_verification: { label: "Failed verification", explain: "Skynet tried a fix, but the tests did not pass, so no pull request was opened." },
  rejected: { label: "Rejected", explain: "A person declined this fix at the pull-request gate." },
};

/** What each verdict on a shipped fix is called (HTML and Markdown alike). */
export const VERDICT_NAMES: Record<Verdict, string> = {
  healed: "Healed",
  not_healed: "Not healed",
  inconclusive: "Inconclusive",
};

export const SHIPPED_BY_NAMES: Record<ShippedBy, string> = {
  pr_merged: "PR merged",
  branch_merged: "branch merged",
  tracker_done: "ticket done",
};

export const OUTCOME_NAMES: Record<Outcome, string> = {
  success: "Success",
  partial: "Partial",
  failure: "Failure",
  bounce: "Bounce",
  wrong_product: "Wrong product",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2026-02-09" -> "Monday 9 Feb 2026". */
export function longDate(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()] ?? ""} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ""} ${d.getUTCFullYear()}`;
}

/** "https://github.com/acme/app/pull/7" -> "acme/app#7"; other URLs as they are. */
export function prLabel(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(url);
  return m ? `${m[1] ?? ""}#${m[2] ?? ""}` : url;
}
