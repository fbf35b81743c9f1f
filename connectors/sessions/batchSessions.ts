import type { SessionSignals, StoredEvent } from "../../state/session.js";
import type { EventWrites, SessionRow } from "../../warehouse/types.js";
import { isoWeekOf } from "../../runtime/week.js";
import type { Sessionizer } from "./policy.js";
import { inChunks } from "./chunks.js";

/**
 * Sessions formed while a streamed import runs, from the events each batch already holds in memory,
 * instead of reading every session back from storage at commit. A session first seen in a batch is
 * computed from that batch's events plus whatever was stored before this import (read back before
 * the batch is inserted); a session a later batch touches again becomes stale and is recomputed from
 * storage at commit, as before. The result is the same: a session's signals are a function of all its
 * stored events, which is what these are.
 */
export class BatchSessions {
  /** Sessions computed from memory and untouched since: id → owner. */
  private readonly fresh = new Map<string, string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly tx: EventWrites,
    private readonly sessionize: Sessionizer,
  ) {}

  /**
   * Before a batch is inserted: each session it names, with the events stored before this import.
   * The batch's sessions are claimed at once, before any await, so the next batch, added while this
   * one is still being stored, leaves them to this one (and marks them stale when it touches them).
   */
  async before(events: readonly StoredEvent[]): Promise<Map<string, StoredEvent[]>> {
    const firstSeen = new Set<string>();
    for (const e of events) {
      if (!e.sessionId || this.seen.has(e.sessionId)) continue;
      firstSeen.add(e.sessionId);
    }
    for (const id of firstSeen) this.seen.add(id);
    const prior = new Map<string, StoredEvent[]>();
    // A session first seen now has no events of this import yet; into an empty warehouse, none at all.
    for (const chunk of this.tx.startedEmpty ? [] : inChunks(firstSeen)) {
      for (const [id, stored] of await this.tx.eventsOfSessions(chunk)) prior.set(id, stored);
    }
    for (const id of firstSeen) if (!prior.has(id)) prior.set(id, []);
    return prior;
  }

  /** After the batch is inserted, and after the batch before it: computes and saves its sessions seen for the first time. */
  async after(stored: readonly StoredEvent[], prior: Map<string, StoredEvent[]>): Promise<void> {
    const gained = new Map<string, StoredEvent[]>();
    for (const e of stored) {
      if (!e.sessionId) continue;
      const list = gained.get(e.sessionId);
      // Stored as JSON text: sessionize what a read-back would give (undefined values dropped, and so on).
      const event = e.propertiesJson !== undefined || jsonStable(e.properties) ? e : { ...e, properties: JSON.parse(JSON.stringify(e.properties)) as Record<string, unknown> };
      if (list) list.push(event);
      else gained.set(e.sessionId, [event]);
    }
    for (const [id, events] of gained) {
      const before = prior.get(id);
      if (!before) {
        this.markStale(id);
        continue;
      }
      let signals: SessionSignals;
      try {
        signals = this.sessionize(id, [...before, ...events].sort(inStoredOrder));
      } catch {
        // Recomputed from storage at commit, where the failure aborts the import as it always has.
        this.markStale(id);
        continue;
      }
      this.fresh.set(id, signals.distinctId);
      await this.tx.saveSession(rowOf(id, signals));
    }
  }

  /** A session that changed after it was computed from memory (or was never computed). */
  markStale(id: string): void {
    this.seen.add(id);
    this.fresh.delete(id);
  }

  /** The owners of the sessions computed from memory that are still among `touched`. */
  ownersIn(touched: ReadonlySet<string>): Set<string> {
    const users = new Set<string>();
    for (const [id, user] of this.fresh) if (touched.has(id)) users.add(user);
    return users;
  }

  /** Whether the session was computed from memory and is still current. */
  isFresh(id: string): boolean {
    return this.fresh.has(id);
  }
}

/**
 * Whether JSON text round-trips the value unchanged (what JSON.parse produced always does): a walk is
 * far cheaper than serializing and parsing every event's properties again.
 */
export function jsonStable(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonStable(value[i])) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) {
    if (key === "__proto__" || !Object.hasOwn(value, key) || !jsonStable((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Storage's order (timestamp, then uuid): a sessionizer is handed a session's events in time order. */
function inStoredOrder(a: StoredEvent, b: StoredEvent): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/** The sessions row of a session's signals. */
export function rowOf(id: string, signals: SessionSignals): SessionRow {
  return {
    id,
    distinctId: signals.distinctId,
    startedAt: signals.startedAt,
    endedAt: signals.endedAt,
    week: isoWeekOf(new Date(signals.startedAt)),
    eventCount: signals.eventCount,
    signals,
  };
}
