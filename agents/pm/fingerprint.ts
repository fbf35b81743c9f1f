import { createHash } from "node:crypto";
import type { SessionException, StackFrame } from "../../state/session.js";
import { normalizeMessage } from "./normalize.js";

const IN_APP_FRAMES = 3;

/** What identifies one failure across sessions. */
export interface ExceptionGroupKey {
  fingerprint: string;
  title: string;
  /** The normalized message, shown in tickets. */
  signal: string;
  /** The in-app frames that went into the fingerprint, innermost first. */
  frames: StackFrame[];
}

/**
 * Groups like Sentry: the in-app frames (file and function, not line: lines move between releases)
 * decide first; then the exception type and normalized message. Frames' file names are reduced to
 * their repository-relative tail so that webpack://, absolute and relative paths agree.
 */
export function exceptionKey(ex: SessionException): ExceptionGroupKey {
  const frames = ex.frames.filter((f) => f.inApp).slice(0, IN_APP_FRAMES);
  const signal = `${ex.type}: ${normalizeMessage(ex.message)}`;
  const parts = frames.length
    ? ["frames", ex.type, ...frames.map((f) => `${sourceTail(f.file)}:${f.function}`)]
    : ["message", ex.type, anyValue(signal), ex.route];
  const top = frames[0];
  const where = top ? ` in ${top.function} (${sourceTail(top.file)})` : ` on ${ex.route}`;
  return { fingerprint: `exc-${hash(parts.join("\n"))}`, title: `${signal}${where}`, signal, frames };
}

/**
 * An improvement cluster's key: the sorted topic terms of its leading text, so rewording, quoted values
 * and ids do not split it and the same advice next week keeps its fingerprint.
 */
export function improvementKey(leaderTerms: string[], leader: string): { fingerprint: string; signal: string } {
  const basis = leaderTerms.length ? leaderTerms.join(" ") : normalizeMessage(leader).toLowerCase();
  return { fingerprint: `imp-${hash(basis)}`, signal: normalizeMessage(leader) };
}

/**
 * The fingerprint's view of a normalized message: every placeholder alike, punctuation gone, so a slot that holds an id
 * in one session and a number or an email in the next is still one failure.
 */
function anyValue(signal: string): string {
  // Punctuation goes too: where a value ends and a sentence's "." or ")" begins is guesswork.
  const words = signal.replace(/<[a-z]+>/g, " VALUEPLACEHOLDER ").replace(/[^\w\s]/g, " ");
  return words.replace(/VALUEPLACEHOLDER(\s+VALUEPLACEHOLDER)+/g, "VALUEPLACEHOLDER").replace(/\s+/g, " ").trim();
}

/** `webpack:///./src/a.ts`, `/srv/app/src/a.ts` and `src/a.ts` all become `src/a.ts`-like tails. */
export function sourceTail(file: string): string {
  const path = file.replace(/^[a-z]+:\/\/\/?/i, "").replace(/^\.?\//, "").replace(/\?.*$/, "");
  const segments = path.split("/").filter((s) => s && s !== ".");
  // The last source-root marker: /home/app/src/a.ts and ./src/a.ts agree on src/a.ts.
  const rootIndex = Math.max(segments.lastIndexOf("src"), segments.lastIndexOf("lib"));
  return (rootIndex >= 0 ? segments.slice(rootIndex) : segments.slice(-2)).join("/");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
