import { createHash } from "node:crypto";
import type { SessionException, StackFrame } from "../../state/session.js";
import { normalizeMessage, titleMessage } from "./normalize.js";

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
  // A minified function ("t" in a bundle) is shared by unrelated code: the message tells its failures apart.
  const parts = frames.length
    ? ["frames", ex.type, ...frames.map((f) => `${sourceTail(f.file)}:${f.function}`), ...(frames.some(isMinified) ? [anyValue(signal)] : [])]
    : ["message", ex.type, anyValue(signal), ex.route];
  const top = frames[0];
  const title = `${ex.type}: ${titleMessage(ex.message)}${top ? ` in ${frameLabel(top)}` : ` on ${ex.route}`}`;
  return { fingerprint: `exc-${hash(parts.join("\n"))}`, title, signal, frames };
}

/** `save (src/a.ts:42)`, or `src/a.ts:42` when the function is unknown: never "in ?". */
function frameLabel(frame: StackFrame): string {
  const where = `${sourceTail(frame.file)}${frame.line ? `:${frame.line}` : ""}`;
  return frame.function && frame.function !== "?" ? `${frame.function} (${where})` : where;
}

/** A frame of a minified bundle: a one- or two-letter (or unknown, or anonymous) function in bundled JavaScript. */
export function isMinified(frame: StackFrame): boolean {
  // React Native's Hermes names every function of its bundle "anonymous".
  if (!/^([\w$]{1,2}|\?|<?anonymous>?)$/.test(frame.function)) return false;
  const path = frame.file.replace(/\?.*$/, "");
  return /\.min\.m?js$/.test(path) || /\.(js)?bundle$/.test(path) || (/\.m?js$/.test(path) && (BUNDLE_DIR.test(path) || withoutHash(basename(path)) !== basename(path)));
}

const BUNDLE_DIR = /(^|\/)(assets|static|dist|build|chunks|_next|bundles?|public)\//;

/**
 * A bundle's name without its content hash: `main.3f9a2b1c.js`, `index-BxR7kP2q.js` and
 * `chunk-ABCD1234.js` (bundles only: a `.ts` source keeps its name) become `main.js`, `index.js`, `chunk.js`, so a deploy does not change the fingerprint.
 * A hash is a dot- or dash-separated part of 8 to 32 letters and digits with at least one digit.
 */
export function withoutHash(name: string): string {
  return name.replace(/[.-](?=[A-Za-z0-9_]{0,31}\d)[A-Za-z0-9_]{8,32}(?=\.(min\.)?m?js(\.map)?$|\.css$)/g, "");
}

function basename(path: string): string {
  return path.split("/").at(-1) ?? path;
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
  // Content-hashed folders and bundle names change on every deploy: they are not where the code is.
  const segments = path
    .split("/")
    .filter((s) => s && s !== "." && !/^(?=.*\d)[0-9a-f]{8,}$/i.test(s))
    .map((s, i, all) => (i === all.length - 1 ? withoutHash(s) : s));
  // The last source-root marker: /home/app/src/a.ts and ./src/a.ts agree on src/a.ts.
  const rootIndex = Math.max(segments.lastIndexOf("src"), segments.lastIndexOf("lib"));
  return (rootIndex >= 0 ? segments.slice(rootIndex) : segments.slice(-2)).join("/");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
