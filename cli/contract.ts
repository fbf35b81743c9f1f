import type { Warehouse } from "../warehouse/types.js";
import type { AttemptLine } from "../graphs/skynet/state.js";

/** The `triage --json` contract: the week's patterns, each with its ticket if it has one. */
export async function triageJson(warehouse: Warehouse, week: string, opts: { sample?: number } = {}) {
  const patterns = await warehouse.listPatterns(week);
  const rows = [];
  const sample = opts.sample;
  for (const p of patterns) {
    const ids = sample === undefined ? p.sessionIds : p.sessionIds.slice(0, sample);
    const ticket = await warehouse.ticketByFingerprint(p.fingerprint);
    rows.push({
      fingerprint: p.fingerprint,
      title: p.title,
      kind: p.kind,
      sessions: p.sessions,
      decision: p.decision,
      priority: p.priority,
      department: p.department,
      // Every session id of the pattern, unless --sample asked for fewer: `sessionIdsSampled` then says so.
      sessionIds: ids,
      sessionIdsSampled: ids.length < p.sessions,
      codeLocations: p.codeLocations,
      route: p.route,
      ticket: ticket ? { id: ticket.id, url: ticket.url, status: ticket.status, priority: ticket.priority, title: ticket.title } : null,
    });
  }
  return { week, patterns: rows };
}
export type TriageJson = Awaited<ReturnType<typeof triageJson>>;

/** The `fix --json` contract. */
export function fixJson(attempts: AttemptLine[]) {
  return { attempts };
}
