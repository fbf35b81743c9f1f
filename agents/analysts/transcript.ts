import type { StoredEvent } from "../../state/session.js";
import type { ProductProfile } from "../../state/profile.js";
import { isSensitiveProperty, redactText } from "./redact.js";
import { countTokens, truncateToTokens } from "./tokens.js";
import { entriesOf, type Entry } from "./transcriptEntries.js";

/** A session as a model reads it. */
export interface Transcript {
  text: string;
  /** Short id shown in the text -> uuid of the event it stands for. Only ids present in `text`. */
  ids: Map<string, string>;
  tokens: number;
  /** Events the session had, and events the kept lines stand for. */
  events: number;
  eventsShown: number;
}

const LAST_MINUTE_MS = 60_000;
/** Tokens one "[… n events omitted …]" marker costs, as an upper bound. */
const MARKER_TOKENS = 10;
const ALIAS_MIN_USES = 2;
const ALIAS_MIN_LENGTH = 8;

/**
 * The compact transcript of one session under a hard token budget. Every line is `e<n> +m:ss body`,
 * ids numbered in time order before any trimming (so they are stable whatever the budget). Over budget,
 * lines go in this order: plain clicks, then page views and other events, then older errors and
 * signals; the last minute before exit goes last.
 */
export function buildTranscript(events: StoredEvent[], profile: ProductProfile, budget: number): Transcript {
  const sorted = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.uuid.localeCompare(b.uuid));
  const entries = entriesOf(sorted, profile);
  const startMs = sorted[0] ? Date.parse(sorted[0].timestamp) : 0;
  const endMs = sorted.at(-1) ? Date.parse(sorted.at(-1)?.timestamp ?? "") : 0;
  const aliases = aliasesOf(entries);
  const firstOf = new Map<string, number>();
  const lines = entries.map((entry, i) => {
    const id = `e${i + 1}`;
    // A repeated error is a short reference to its first occurrence, which is kept longer.
    const first = entry.body.startsWith("ERROR ") ? firstOf.get(entry.body) : undefined;
    if (entry.body.startsWith("ERROR ") && first === undefined) firstOf.set(entry.body, i);
    const text = first === undefined ? lineOf(entry, id, startMs, aliases) : lineOf({ ...entry, body: `ERROR again, as e${first + 1}` }, id, startMs, aliases);
    return { entry, id, text };
  });
  const header = headerOf(sorted, profile, startMs, endMs, aliases);

  const keep = new Array<boolean>(lines.length).fill(true);
  const lineTokens = lines.map((l) => countTokens(l.text) + 1);
  const order = removalOrder(entries, endMs, new Set(firstOf.values()));
  let total = countTokens(header) + lineTokens.reduce((a, b) => a + b, 0);
  let next = 0;
  let text = render(header, lines, keep);
  let tokens = total <= budget ? countTokens(text) : Infinity;
  while (tokens > budget && next < order.length) {
    // Remove until the estimate fits (markers counted at their worst), then measure exactly.
    do {
      const i = order[next++];
      if (i === undefined) break;
      keep[i] = false;
      total -= lineTokens[i] ?? 0;
    } while (next < order.length && total + MARKER_TOKENS * gaps(keep) > budget);
    text = render(header, lines, keep);
    tokens = countTokens(text);
  }
  if (tokens > budget) {
    text = truncateToTokens(text, budget);
    tokens = countTokens(text);
  }
  const ids = new Map<string, string>();
  let eventsShown = 0;
  lines.forEach((l, i) => {
    if (keep[i] && text.includes(`\n${l.id} `)) {
      ids.set(l.id, l.entry.uuid);
      eventsShown += l.entry.count;
    }
  });
  return { text, ids, tokens, events: sorted.length, eventsShown };
}

/** Indexes of entries in the order they are dropped. */
function removalOrder(entries: Entry[], endMs: number, firstErrors: Set<number>): number[] {
  const lastMinute = (e: Entry) => e.atMs >= endMs - LAST_MINUTE_MS;
  const rank = (e: Entry, i: number): number => {
    if (i === 0) return 5; // the entry page says where the user came in
    if (firstErrors.has(i)) return 4.5; // later lines refer to it
    if (lastMinute(e)) return 4;
    return e.priority + (e.priority === 0 ? 3 : e.priority === 1 ? 0 : -2);
  };
  // Within a rank, oldest first: what happened last explains the exit best.
  return entries.map((e, i) => ({ i, r: rank(e, i) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.i);
}

function gaps(keep: boolean[]): number {
  let n = 0;
  keep.forEach((k, i) => {
    if (!k && (i === 0 || keep[i - 1])) n++;
  });
  return n;
}

function render(header: string, lines: { entry: Entry; text: string }[], keep: boolean[]): string {
  const out = [header];
  let omitted = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (omitted) out.push(`[… ${omitted} events omitted …]`);
      omitted = 0;
      out.push(line.text);
    } else omitted += line.entry.count;
  });
  if (omitted) out.push(`[… ${omitted} events omitted …]`);
  return out.join("\n");
}

function lineOf(entry: Entry, id: string, startMs: number, aliases: Map<string, string>): string {
  const route = entry.route === null ? "" : (aliases.get(entry.route) ?? entry.route);
  const body = entry.body.replace("{route}", route);
  return `${id} ${clock(entry.atMs - startMs)} ${body}${entry.count > 1 ? ` ×${entry.count}` : ""}`;
}

/** Routes shown often enough, and long enough, to be worth a short alias. */
function aliasesOf(entries: Entry[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const e of entries) if (e.route) uses.set(e.route, (uses.get(e.route) ?? 0) + 1);
  const aliases = new Map<string, string>();
  for (const [route, n] of uses) {
    if (n >= ALIAS_MIN_USES && route.length >= ALIAS_MIN_LENGTH) aliases.set(route, `R${aliases.size + 1}`);
  }
  return aliases;
}

function headerOf(events: StoredEvent[], profile: ProductProfile, startMs: number, endMs: number, aliases: Map<string, string>): string {
  const first = events[0]?.properties ?? {};
  const device = [first["$device_type"], first["$browser"], first["$os"]].filter((v) => typeof v === "string").join(" ");
  const sensitive = profile.redaction.sensitiveProperties;
  const utm = Object.entries(first)
    .filter(([k, v]) => k.startsWith("utm_") && typeof v === "string" && !isSensitiveProperty(k, sensitive))
    .map(([k, v]) => `${k.slice(4)}="${redactText(String(v)).slice(0, 60)}"`);
  const referrer = typeof first["$referring_domain"] === "string" && first["$referring_domain"] !== "$direct" ? redactText(first["$referring_domain"]) : "direct";
  const lines = [
    `session: ${duration(endMs - startMs)}, ${events.length} events, ${device || "unknown device"}, from ${referrer}${utm.length ? `, utm ${utm.join(" ")}` : ""}`,
  ];
  if (aliases.size) lines.push(`routes: ${[...aliases].map(([route, alias]) => `${alias}=${route}`).join(" ")}`);
  return lines.join("\n");
}

/** A session's length: "45s", "12m 30s", "1h 05m". */
function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Time since the session start as +m:ss (or +h:mm:ss). */
function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `+${h}:${String(m).padStart(2, "0")}:${sec}` : `+${m}:${sec}`;
}
