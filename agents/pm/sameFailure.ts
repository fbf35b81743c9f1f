import type { ExceptionGroupKey } from "./fingerprint.js";
import { isMinified, sourceTail } from "./fingerprint.js";

/** One failure fingerprint as the week saw it: its key, its type, and the sessions it happened in. */
export interface FingerprintSeen {
  key: ExceptionGroupKey;
  type: string;
  sessionIds: Set<string>;
}

/** Session sets this alike (Jaccard) are one failure reported twice: a client event and the server's error. */
const ALWAYS_TOGETHER = 0.9;

/**
 * Fingerprints that are one failure, each mapped to the one that stands for it. Fingerprints split one
 * bug where browsers word its message differently or a bundle has no source map; three rules join them:
 * - the same exception type thrown at the same source line (after source maps) is one failure, whatever
 *   each browser's message and each build's function name;
 * - a stack of only minified or anonymous frames, which locates nothing, joins the located failure with the
 *   same type and message;
 * - two signals that happen in the same sessions (Jaccard ≥ 0.9) are one failure reported twice.
 * The fingerprint kept is the best located one (in-app source frames), then the most frequent.
 */
export function sameFailures(seen: FingerprintSeen[]): Map<string, string> {
  const ordered = [...seen].sort((a, b) => rank(b) - rank(a) || b.sessionIds.size - a.sessionIds.size || a.key.fingerprint.localeCompare(b.key.fingerprint));
  const leaderOf = new Map<string, string>();
  const leaders: FingerprintSeen[] = [];
  for (const f of ordered) {
    const leader = leaders.find((l) => isSameFailure(l, f));
    if (leader) leaderOf.set(f.key.fingerprint, leader.key.fingerprint);
    else {
      leaders.push(f);
      leaderOf.set(f.key.fingerprint, f.key.fingerprint);
    }
  }
  return leaderOf;
}

function isSameFailure(leader: FingerprintSeen, f: FingerprintSeen): boolean {
  const [a, b] = [topLine(leader), topLine(f)];
  if (a && b && a === b && leader.type === f.type) return true;
  if (located(leader) && !located(f) && f.key.frames.length > 0 && leader.key.signal === f.key.signal) return true;
  return jaccard(leader.sessionIds, f.sessionIds) >= ALWAYS_TOGETHER;
}

/** 2: in-app frames of real source; 1: frames that locate nothing; 0: no stack. */
function rank(f: FingerprintSeen): number {
  if (located(f)) return 2;
  return f.key.frames.length ? 1 : 0;
}

function located(f: FingerprintSeen): boolean {
  return f.key.frames.some((frame) => !isMinified(frame));
}

/** The throwing in-app frame's file and line, when it is real source. */
function topLine(f: FingerprintSeen): string | null {
  const top = f.key.frames[0];
  return top && top.line !== null && !isMinified(top) ? `${sourceTail(top.file)}:${top.line}` : null;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const id of a) if (b.has(id)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}
