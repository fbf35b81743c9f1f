import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS } from "./migrations.js";
import { openWarehouse } from "../index.js";
import { importEvents } from "../../connectors/importer.js";
import { storedEvent, tempDir } from "../../testing/events.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { newTicket } from "../../testing/records.js";

const fresh = freshWarehouses();

/** A pragma's value, read from the file by a connection of its own. */
function pragmaOf(path: string, name: "user_version" | "page_size"): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma(name, { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe("SQLite schema migrations", () => {
  it("makes a new file with 16 KiB pages; a file that already has pages keeps its size and its events", async () => {
    const dir = tempDir();
    const made = join(dir, "new.db");
    await openWarehouse(made).close();
    expect(pragmaOf(made, "page_size")).toBe(16384);

    const older = join(dir, "older.db");
    const db = new Database(older);
    db.pragma("page_size = 4096");
    db.pragma("journal_mode = WAL");
    db.exec(MIGRATIONS[0] ?? "");
    db.pragma("user_version = 1");
    db.close();
    const w = openWarehouse(older);
    await importEvents(w, [storedEvent("kept")]);
    await w.close();
    expect(pragmaOf(older, "page_size")).toBe(4096);
    const again = openWarehouse(older);
    expect(await again.countEvents()).toBe(1);
    await again.close();
  });

  it("migrates a fresh file to the latest version, and reopening neither re-runs nor loses anything (the ticket key included)", async () => {
    const path = join(tempDir(), "nested", "warehouse.db");
    const w = openWarehouse(path);
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(pragmaOf(path, "user_version")).toBe(MIGRATIONS.length);
    await importEvents(w, [storedEvent("e1")]);
    const first = await w.insertTicket(newTicket("fp-a"));
    await w.close();

    const again = fresh(path); // a re-run of migration 1 would fail on "table events already exists"
    expect(pragmaOf(path, "user_version")).toBe(MIGRATIONS.length);
    expect(await again.countEvents()).toBe(1);
    expect(await again.countSessions()).toBe(1);
    expect((await again.insertTicket(newTicket("fp-b"))).id).toBe(first.id.replace(/-1$/, "-2"));
  });

  it("refuses a file written by a newer selfheal, a file that is not a database, and a folder", () => {
    const dir = tempDir();
    const newer = join(dir, "newer.db");
    const db = new Database(newer);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openWarehouse(newer)).toThrow(/newer/);
    writeFileSync(join(dir, "notes.db"), "not a database, just text that is long enough to have a header".repeat(20));
    expect(() => openWarehouse(join(dir, "notes.db"))).toThrow(/not a selfheal warehouse/);
    mkdirSync(join(dir, "folder.db"));
    expect(() => openWarehouse(join(dir, "folder.db"))).toThrow(/is a folder/);
  });
});
