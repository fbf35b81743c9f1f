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
    : ["message", signal, ex.route];
  const top = frames[0];
  const where = top ? ` in ${top.function} (${sourceTail(top.file)})` : ` on ${ex.route}`;
  return { fingerprint: `exc-${hash(parts.join("\n"))}`, title: `${signal}${where}`, signal, frames };
}

/** An improvement's key: its normalized text, so the same advice from many sessions groups. */
export function improvementKey(improvement: string): { fingerprint: string; signal: string } {
  const signal = normalizeMessage(improvement);
  return { fingerprint: `imp-${hash(signal.toLowerCase())}`, signal };
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
