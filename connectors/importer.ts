import type { StoredEvent } from "../state/session.js";
import type { EventWrites, Warehouse } from "../warehouse/types.js";
import { computeSignals } from "./sessionize.js";
import type { Sessionizer, UnlinkedPolicy } from "./sessions/policy.js";
import { inferSessions } from "./sessions/inferSessions.js";
import { attachUnlinked } from "./sessions/attachUnlinked.js";
import { recomputeSessions } from "./sessions/recompute.js";
import { BatchSessions } from "./sessions/batchSessions.js";
import { InTurn } from "../runtime/inTurn.js";

export type { Sessionizer, UnlinkedPolicy } from "./sessions/policy.js";

export interface ImportResult {
  /** Events newly stored. */
  inserted: number;
  /** Events already stored (same uuid) or repeated within the import. */
  duplicates: number;
  /** Sessions created or recomputed because they gained events. */
  sessionsTouched: number;
  /** Newly stored events in no session. */
  sessionless: number;
}

export interface ImportOptions {
  /** Default: computeSignals. */
  sessionize?: Sessionizer;
  /** Default `attach`. */
  unlinked?: UnlinkedPolicy;
}

/**
 * A streamed import: batches go into one warehouse transaction, and at commit the touched sessions are
 * formed by the rules (connectors/sessions/) and recomputed from storage, so memory stays bounded by
 * a batch, a user's unsessioned events and a session. Nothing is visible before commit; abort (or a
 * crash) leaves the warehouse as it was.
 */
export interface ImportSession {
  /**
   * Stores a batch; an event whose uuid is already stored (or repeated) is a duplicate. The next batch
   * may be added before this one resolves: batches are stored and sessionized in the order added.
   */
  add(events: StoredEvent[]): Promise<{ inserted: number; duplicates: number }>;
  /** Forms sessions, optionally advances a source's watermark in the same transaction, and commits. */
  commit(opts?: { watermark?: { source: string; value: string } }): Promise<ImportResult>;
  /** Discards everything added. Safe to call after commit (does nothing). */
  abort(): Promise<void>;
}

/** Opens a streamed import on the warehouse (one at a time per connection). */
export async function openImport(warehouse: Warehouse, opts: ImportOptions = {}): Promise<ImportSession> {
  const tx = await warehouse.beginImport();
  return new RuledImport(tx, opts.sessionize ?? computeSignals, opts.unlinked ?? { kind: "attach" });
}

/** Imports one batch of events in one transaction. */
export async function importEvents(warehouse: Warehouse, events: StoredEvent[], opts: ImportOptions = {}): Promise<ImportResult> {
  const session = await openImport(warehouse, opts);
  try {
    await session.add(events);
    return await session.commit();
  } finally {
    await session.abort();
  }
}

class RuledImport implements ImportSession {
  private readonly touched = new Set<string>();
  /** Users who gained session-less events: the ones the rules look at. */
  private readonly unlinkedUsers = new Set<string>();
  private inserted = 0;
  private duplicates = 0;
  private readonly batchSessions: BatchSessions;

  constructor(
    private readonly tx: EventWrites,
    private readonly sessionize: Sessionizer,
    private readonly policy: UnlinkedPolicy,
  ) {
    this.batchSessions = new BatchSessions(tx, sessionize);
  }

  /** The last batch added, settled: the next one is sessionized after it. */
  private previous: Promise<unknown> = Promise.resolve();
  /** Batches are handed to the warehouse one after another, each once its prior events are read. */
  private readonly handOvers = new InTurn();
  /** The first batch's failure: every later batch, and the commit, fail with it. */
  private failure: { error: unknown } | null = null;

  add(events: StoredEvent[]): Promise<{ inserted: number; duplicates: number }> {
    const prior = this.batchSessions.before(events); // claims the batch's sessions at once
    // Handed over in the order added (a batch's prior events may take longer to read than the next's),
    // without waiting for the last one to be stored: the warehouse applies inserts in call order.
    const handOver = this.handOvers.run(async () => {
      await prior;
      return { stored: this.tx.insertEvents(events) };
    });
    const added = this.addAfter(events, prior, handOver, this.previous);
    this.previous = added.catch((error: unknown) => {
      this.failure ??= { error };
    });
    return added;
  }

  private async addAfter(
    events: StoredEvent[],
    priorRead: Promise<Map<string, StoredEvent[]>>,
    handOver: Promise<{ stored: Promise<StoredEvent[]> }>,
    previous: Promise<unknown>,
  ): Promise<{ inserted: number; duplicates: number }> {
    const prior = await priorRead;
    const stored = await (await handOver).stored;
    await previous;
    if (this.failure) throw this.failure.error;
    await this.batchSessions.after(stored, prior);
    for (const e of stored) {
      if (e.sessionId) this.touched.add(e.sessionId);
      else this.unlinkedUsers.add(e.distinctId);
    }
    this.inserted += stored.length;
    this.duplicates += events.length - stored.length;
    return { inserted: stored.length, duplicates: events.length - stored.length };
  }

  async commit(opts: { watermark?: { source: string; value: string } } = {}): Promise<ImportResult> {
    try {
      await this.previous;
      if (this.failure) throw this.failure.error;
      const { policy, tx } = this;
      if (policy.kind !== "attach") {
        const rule = { gapMs: policy.gapMs, sessionIdOf: policy.sessionIdOf, onlyUsersWithoutSessions: policy.kind === "attachOrInfer" };
        for (const id of await inferSessions(tx, this.unlinkedUsers, rule, this.touched)) this.batchSessions.markStale(id);
      }
      // Sessions formed from the batches in memory are current; the rest are read back from storage.
      const batched = this.batchSessions;
      const owners = await recomputeSessions(tx, [...this.touched].filter((id) => !batched.isFresh(id)), this.sessionize);
      for (const user of batched.ownersIn(this.touched)) owners.add(user);
      const gained = await attachUnlinked(tx, new Set([...this.unlinkedUsers, ...owners]));
      for (const id of gained) this.touched.add(id);
      await recomputeSessions(tx, gained, this.sessionize);
      const sessionless = await tx.countSessionless();
      if (opts.watermark) await tx.setWatermark(opts.watermark.source, opts.watermark.value);
      await tx.commit();
      return { inserted: this.inserted, duplicates: this.duplicates, sessionsTouched: this.touched.size, sessionless };
    } finally {
      await this.tx.rollback();
    }
  }

  abort(): Promise<void> {
    return this.tx.rollback();
  }
}
