import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { StoredEvent } from "../../state/session.js";
import type { EventWrites, SessionAssignment, SessionRow } from "../stores/events.js";
import { InTurn } from "../../runtime/inTurn.js";
import { fromWire, packEvents, sessionRowText, withoutRepeats, type ImportMethod, type ImportReply, type ImportRequest, type SharedBatch } from "./importMessages.js";

const WRITES_PER_MESSAGE = 500;
/** A 1,000-event batch of typical events is about 1 MB (and sized for 3 MB: three bytes per code unit at most). */
const MIN_SHARED_BYTES = 4 << 20;

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * A warehouse file's import worker (importWorker.ts), started at its first import and kept for the
 * next until the warehouse closes. It holds the process open only while an import is open.
 */
export class ImportThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private writes: ImportRequest[] = [];
  private shared: [SharedArrayBuffer | null, SharedArrayBuffer | null] = [null, null];
  /** Each buffer's batches, one at a time: the next is written once the worker has read out the last. */
  private readonly slotTurns = [new InTurn(), new InTurn()] as const;
  private nextSlot: 0 | 1 = 0;
  /** Why the worker stopped, until the next import starts another. */
  private stopped: Error | null = null;

  constructor(private readonly path: string) {}

  /** Opens an import transaction on the worker's connection. */
  async begin(onClose: () => void): Promise<EventWrites> {
    const worker = this.running();
    worker.ref();
    try {
      const startedEmpty = (await this.call("begin", [])) === true;
      return new ThreadEventWrites(this, startedEmpty, () => {
        this.worker?.unref();
        onClose();
      });
    } catch (err) {
      worker.unref();
      throw err;
    }
  }

  /**
   * Stores a batch through a shared buffer; resolves with the indexes not stored (repeats). Two buffers
   * take turns, so the next batch waits in the worker's queue while this one is stored: a batch is
   * written into its buffer once the worker has read out the one before it there.
   */
  insertEvents(events: readonly StoredEvent[]): Promise<number[]> {
    const slot = this.nextSlot;
    this.nextSlot = slot === 0 ? 1 : 0;
    return this.slotTurns[slot].run(() => {
      let buffer: SharedArrayBuffer | undefined;
      const packed = packEvents(events, (bytes) => {
        const held = this.shared[slot];
        if (held && held.byteLength >= bytes) return Buffer.from(held);
        this.shared[slot] = buffer = new SharedArrayBuffer(Math.max(bytes, MIN_SHARED_BYTES));
        return Buffer.from(buffer);
      });
      const message: SharedBatch = { ...packed, slot, ...(buffer ? { buffer } : {}) };
      return this.call("insertShared", [message], [packed.lengths.buffer]) as Promise<number[]>;
    });
  }

  /** A call answered by the worker. */
  call(method: ImportMethod, args: unknown[], transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.stopped || !this.worker) return Promise.reject(this.stopped ?? new Error("the import worker is not running"));
    this.flush();
    const id = this.nextId++;
    const request: ImportRequest = { id, method, args };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker?.postMessage(request, transfer);
    });
  }

  /**
   * A write not waited for: a failure is the answer to the transaction's next call. Writes travel
   * together, before the next call or a few hundred at a time: one message per session saved would cost
   * the main thread more than saving it costs the worker.
   */
  send(method: ImportMethod, args: unknown[]): void {
    this.writes.push({ method, args });
    if (this.writes.length >= WRITES_PER_MESSAGE) this.flush();
  }

  private flush(): void {
    if (this.writes.length === 0) return;
    const request: ImportRequest = { method: "writes", args: this.writes };
    this.writes = [];
    this.worker?.postMessage(request);
  }

  /** Stops the worker, rolling back an import still open. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.ref(); // held open until it has closed its connection
    worker.postMessage({ method: "close" });
    await exited;
  }

  private running(): Worker {
    if (this.worker && !this.stopped) return this.worker;
    this.stopped = null;
    this.shared = [null, null]; // a new worker is sent buffers of its own
    const worker = startWorker(this.path);
    worker.unref();
    worker.on("message", (reply: ImportReply) => this.answer(reply));
    worker.on("error", (err) => this.stop(err));
    worker.on("exit", (code) => this.stop(new Error(`the import worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: ImportReply): void {
    if (reply.id === undefined) return;
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.kind === "result") waiting?.resolve(reply.value);
    else waiting?.reject(fromWire(reply.error));
  }

  private stop(err: Error): void {
    this.stopped ??= err;
    this.writes = []; // the transaction they were for went with the worker
    for (const waiting of this.waiting.values()) waiting.reject(this.stopped);
    this.waiting.clear();
  }
}

/**
 * The worker's objects are few and short-lived (a batch's slices, a read's rows): a small young
 * generation keeps its heap from costing the import's memory budget tens of MB. Its old generation is
 * left to Node's default: a long session read back must not run it out of memory.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** The built worker beside this file; under the test runner the sources are TypeScript, loaded through tsx. */
function startWorker(path: string): Worker {
  const here = import.meta.url;
  const options = { workerData: { path }, resourceLimits: WORKER_LIMITS };
  if (!here.endsWith(".ts")) return new Worker(new URL("./importWorker.js", here), options);
  const tsx = pathToFileURL(join(dirname(createRequire(here).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const entry = new URL("./importWorker.ts", here).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { ...options, eval: true });
}

/** The import transaction as the main thread holds it: each primitive a message to the worker. */
class ThreadEventWrites implements EventWrites {
  private open = true;

  constructor(
    private readonly thread: ImportThread,
    readonly startedEmpty: boolean,
    private readonly onClose: () => void,
  ) {}

  async insertEvents(events: StoredEvent[]): Promise<StoredEvent[]> {
    return withoutRepeats(events, await this.thread.insertEvents(events));
  }

  async hasSourceSession(distinctId: string): Promise<boolean> {
    return (await this.thread.call("hasSourceSession", [distinctId])) as boolean;
  }

  async unsessionedEventsOf(distinctIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return (await this.thread.call("unsessionedEventsOf", [distinctIds])) as Map<string, StoredEvent[]>;
  }

  async sessionSpans(distinctId: string): Promise<{ id: string; startedAt: string; endedAt: string }[]> {
    return (await this.thread.call("sessionSpans", [distinctId])) as { id: string; startedAt: string; endedAt: string }[];
  }

  async assignSessions(assignments: SessionAssignment[]): Promise<void> {
    this.write("assignSessions", [assignments]);
  }

  async eventsOfSessions(sessionIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return (await this.thread.call("eventsOfSessions", [sessionIds])) as Map<string, StoredEvent[]>;
  }

  async saveSession(s: SessionRow): Promise<void> {
    this.write("saveSessionText", [sessionRowText(s)]);
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.write("deleteSession", [sessionId]);
  }

  async countSessionless(): Promise<number> {
    return (await this.thread.call("countSessionless", [])) as number;
  }

  async setWatermark(source: string, value: string): Promise<void> {
    this.write("setWatermark", [source, value]);
  }

  async commit(): Promise<void> {
    this.check();
    try {
      await this.thread.call("commit", []);
    } finally {
      this.finish();
    }
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    try {
      // A worker that stopped took its transaction with it: nothing is left to roll back.
      await this.thread.call("rollback", []).catch(() => undefined);
    } finally {
      this.onClose();
    }
  }

  private write(method: ImportMethod, args: unknown[]): void {
    this.check();
    this.thread.send(method, args);
  }

  private check(): void {
    if (!this.open) throw new Error("this import is already committed or rolled back");
  }

  private finish(): void {
    this.open = false;
    this.onClose();
  }
}
