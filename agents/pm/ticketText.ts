import type { FailurePattern } from "../../state/pattern.js";
import { redactText } from "../analysts/redact.js";

const PRIORITY_NAMES = ["", "Urgent", "High", "Medium", "Low"];

export function priorityName(priority: number): string {
  return PRIORITY_NAMES[priority] ?? String(priority);
}

/** Labels: kind, department, and `skynet` for a bug whose code location is known. */
export function ticketLabels(pattern: FailurePattern): string[] {
  const labels: string[] = [pattern.kind, pattern.department];
  if (pattern.kind === "bug" && pattern.codeLocations.length > 0) labels.push("skynet");
  return labels;
}

/** The ticket body, in Markdown (Linear and the local tracker both render it). */
export function ticketBody(pattern: FailurePattern, weekSessions: number): string {
  const share = weekSessions ? ` (${((pattern.sessions / weekSessions) * 100).toFixed(1)}% of the week)` : "";
  const lines = [
    `**${pattern.sessions} sessions** in ${pattern.week}${share}, mean implied score ${pattern.averageScore}/10.`,
    "",
    `**Signal:** \`${pattern.signal}\``,
    "",
    "**What users were trying to do:**",
    ...pattern.intents.map((i) => `- ${i}`),
    "",
    "**Code locations:**",
    ...(pattern.codeLocations.length
      ? pattern.codeLocations.map((l) => `- \`${l.path}${l.line ? `:${l.line}` : ""}\``)
      : ["- not found"]),
    "",
    `**Proposed route:** ${pattern.route}`,
    "",
    `**Example sessions:** ${pattern.sessionIds.slice(0, 5).join(", ")}`,
    "",
    `_Pattern ${pattern.fingerprint}, filed by selfheal's PM._`,
  ];
  return redactText(lines.join("\n"));
}
