/** HTML helpers for the digest. Everything that comes from data goes through escapeHtml. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A link when the URL is http(s); otherwise the URL as plain, escaped text (no javascript: hrefs). */
export function linkOrText(url: string, text: string = url): string {
  return /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** +12, -3, 0; "n/a" for null. */
export function formatSigned(n: number | null): string {
  if (n === null) return "n/a";
  return n > 0 ? `+${n}` : String(n);
}

export function formatMaybe(n: number | null, digits = 0): string {
  return n === null ? "n/a" : n.toFixed(digits);
}

export const PRIORITY_NAMES: Record<number, string> = { 1: "Urgent", 2: "High", 3: "Medium", 4: "Low" };

export function priorityName(priority: number): string {
  return PRIORITY_NAMES[priority] ?? `P${priority}`;
}

/** Colour of an NPS value or a 0-10 score band, shared by cards and charts. */
export const COLORS = {
  detractor: "#d64545",
  passive: "#e0a526",
  promoter: "#2f9e5b",
  neutral: "#5b6b82",
  grid: "#e3e7ee",
  ink: "#1f2937",
  muted: "#6b7280",
  line: "#3867d6",
} as const;

export function npsColor(nps: number | null): string {
  if (nps === null) return COLORS.neutral;
  if (nps >= 30) return COLORS.promoter;
  if (nps >= 0) return COLORS.passive;
  return COLORS.detractor;
}

/** A table; the columns listed in `numeric` are right-aligned. Headers are escaped; rows are markup already. */
export function table(headers: string[], rows: string[], numeric: number[] = []): string {
  const th = headers.map((h, i) => `<th${numeric.includes(i) ? ` class="num"` : ""}>${escapeHtml(h)}</th>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

export function pill(text: string, kind: string): string {
  return `<span class="pill ${escapeHtml(kind)}">${escapeHtml(text)}</span>`;
}
