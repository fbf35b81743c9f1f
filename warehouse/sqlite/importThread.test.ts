import { afterEach, expect, it } from "vitest";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { openWarehouse, type Warehouse } from "../index.js";
import { importEvents } from "../../connectors/importer.js";
import { at, storedEvent, tempDir } from "../../testing/events.js";
import { ImportThread } from "./importThread.js";

const open: Warehouse[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

function fileWarehouse(): Warehouse {
  const w = openWarehouse(join(tempDir(), "warehouse.db"));
  open.push(w);
  return w;
}

it("an import whose worker thread dies fails instead of waiting forever, stores nothing, and the next import starts a new worker", async () => {
  const w = fileWarehouse();
  await importEvents(w, [storedEvent("before", { at: at(0) })]);
  const thread = new ImportThread(w.location);
  const tx = await thread.begin(() => undefined);
  await tx.insertEvents([storedEvent("lost", { at: at(10) })]);
  // Stopped as a crash would stop it (its internals: no API stops a worker mid-import).
  await (thread as unknown as { worker: Worker }).worker.terminate();
  await expect(tx.commit()).rejects.toThrow(/import worker stopped/);
  await tx.rollback();
  expect(await w.countEvents()).toBe(1);
  const next = await thread.begin(() => undefined);
  expect(await next.insertEvents([storedEvent("after", { at: at(20) })])).toHaveLength(1);
  await next.commit();
  await thread.close();
  expect(await w.countEvents()).toBe(2);
});

it("a file's imports keep their events whole across the thread: ids, names and properties with any characters, null session ids", async () => {
  const w = fileWarehouse();
  const awkward = "a\tb\nc\u0000d\\e\u00e9\u4e2d\ud83d\ude00";
  const events = [
    storedEvent(`u-${awkward}`, { at: at(0), event: awkward, distinctId: `d-${awkward}`, sessionId: `s-${awkward}`, properties: { k: awkward, n: [1, null, { x: "" }] } }),
    storedEvent("", { at: at(1), event: "", distinctId: "nobody", sessionId: null, properties: {} }),
  ];
  expect(await importEvents(w, events)).toMatchObject({ inserted: 2, sessionless: 1 });
  const stored = await w.sessionEvents(`s-${awkward}`);
  expect(stored.map((e) => [e.uuid, e.event, e.distinctId, e.properties])).toEqual([
    [`u-${awkward}`, awkward, `d-${awkward}`, { k: awkward, n: [1, null, { x: "" }] }],
  ]);
});
