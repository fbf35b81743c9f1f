import type { Warehouse } from "../warehouse/types.js";
import type { AttemptLine } from "../graphs/skynet/state.js";

/** The `triage --json` contract: the week's patterns, each with its ticket if it has one. */
export async function triageJson(warehouse: Warehouse, week: string) {
  const patterns = await warehouse.listPatterns(week);
  const rows = [];
  for (const p of patterns) {
    const ticket = await warehouse.ticketByFingerprint(p.fingerprint);
    rows.push({
      fingerprint: p.fingerprint,
      title: p.title,
      kind: p.kind,
      sessions: p.sessions,
      decision: p.decision,
      priority: p.priority,
      department: p.department,
      sessionIds: p.sessionIds,
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
