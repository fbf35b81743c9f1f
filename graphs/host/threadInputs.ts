import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { RunSettings } from "../../runtime/settings.js";
import type { RunRecord, Warehouse } from "../../warehouse/types.js";
import { RULES_VERSION } from "../../agents/analysts/heuristic.js";

/**
 * What a week's thread was computed from: the profile as written, the rules' version and the week's
 * sessions. A gate proposed from other inputs is stale: a profile edited (or sessions imported) while
 * the gate waited would otherwise be answered with the proposal made before, never re-scored.
 */
export async function weekInputs(settings: RunSettings, warehouse: Warehouse, week: string): Promise<ThreadInputs> {
  const profile = settings.config && existsSync(settings.config) ? readFileSync(settings.config, "utf8") : "";
  return {
    profile: createHash("sha256").update(normalized(profile)).digest("hex").slice(0, 16),
    rules: String(RULES_VERSION),
    sessions: await warehouse.countSessions(week),
  };
}

/** The profile's JSON without its layout, so re-indenting a file is no change; what does not parse is hashed as written. */
function normalized(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

export interface ThreadInputs {
  profile: string;
  rules: string;
  sessions: number;
}

/** Why a thread's recorded inputs are not today's, in words; null when they are the same (or were never recorded). */
export function whyStale(recorded: unknown, now: ThreadInputs): string | null {
  if (!recorded || typeof recorded !== "object") return null;
  const was = recorded as Partial<ThreadInputs>;
  const why: string[] = [];
  if (was.profile !== undefined && was.profile !== now.profile) why.push("the profile changed");
  if (was.rules !== undefined && was.rules !== now.rules) why.push(`the rules changed (version ${was.rules} → ${now.rules})`);
  if (was.sessions !== undefined && was.sessions !== now.sessions) why.push(`the week's sessions changed (${was.sessions} → ${now.sessions})`);
  return why.length ? why.join(", ") : null;
}

/** The inputs a thread's last run recorded, if any (runs before this field recorded none). */
export function recordedInputs(last: RunRecord | null): unknown {
  return (last?.summary as { inputs?: unknown } | null)?.inputs ?? null;
}
