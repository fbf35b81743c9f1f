/**
 * The import worker's thread: its own connection to the warehouse file, on which it runs one import
 * transaction at a time (SqliteEventWrites), served to the main thread by importThread.ts. SQLite's
 * work (B-tree inserts, the commit) then runs beside the main thread's reading, parsing and
 * sessionizing instead of after each of them.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { configureConnection } from "./connection.js";
import { SqliteEventWrites } from "./importTx.js";
import { toWire, type ImportReply, type ImportRequest, type SharedBatch } from "./importMessages.js";

type Call = ImportRequest | { method: "close" };

const port = parentPort;
if (!port) throw new Error("importWorker.ts runs as a worker thread");
const db = new Database((workerData as { path: string }).path);
configureConnection(db);
let tx: SqliteEventWrites | null = null;
/** A fire-and-forget call's failure, answered to the transaction's next call that waits. */
let failure: unknown = null;
let queue = Promise.resolve();
/** The two buffers the main thread writes batches' text into, in turn (SharedBatch). */
const shared: [SharedArrayBuffer | null, SharedArrayBuffer | null] = [null, null];

port.on("message", (call: Call) => {
  // One call at a time, in the order sent: a fire-and-forget write lands before the reads after it.
  queue = queue.then(() => serve(call));
});

async function serve(call: Call): Promise<void> {
  if (call.method === "close") {
    if (tx) await tx.rollback();
    db.close();
    port?.close();
    return;
  }
  if (call.method === "writes") {
    for (const write of call.args as ImportRequest[]) await serve(write);
    return;
  }
  const id = call.id;
  try {
    const value = await dispatch(call);
    if (id !== undefined) reply({ kind: "result", id, value });
  } catch (err) {
    if (id !== undefined) reply({ kind: "failed", id, error: toWire(err) });
    else if (failure === null) {
      // Nothing of a failed import is kept: it is rolled back now, and its next call hears why.
      failure = err;
      await tx?.rollback();
    }
  }
}

async function dispatch(call: ImportRequest): Promise<unknown> {
  if (call.method === "begin") {
    if (tx) throw new Error("an import is already open on this warehouse connection");
    failure = null;
    const opened = new SqliteEventWrites(db, () => (tx = null));
    tx = opened;
    return opened.startedEmpty;
  }
  if (call.method === "rollback") {
    failure = null;
    return tx?.rollback();
  }
  if (failure !== null) throw failure;
  if (!tx) throw new Error("this import is already committed or rolled back");
  if (call.method === "writes") throw new Error("writes are served one by one"); // (serve unpacks them)
  if (call.method === "insertShared") {
    const batch = call.args[0] as SharedBatch;
    const buffer = (shared[batch.slot] = batch.buffer ?? shared[batch.slot]);
    if (!buffer) throw new Error("a batch arrived before its buffer");
    // Read out before answering: the main thread writes a later batch into the same buffer.
    const bytes = Buffer.from(buffer, 0, batch.bytes);
    return tx.insertPacked(batch.lengths, (from, to) => bytes.toString("utf8", from, to));
  }
  const method = tx[call.method] as (...args: unknown[]) => unknown;
  return method.apply(tx, call.args);
}

function reply(message: ImportReply): void {
  port?.postMessage(message);
}
