import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openWarehouse } from "../index.js";
import { importEvents } from "../../connectors/importer.js";
import { storedEvent } from "../../testing/events.js";
import { newTicket, report } from "../../testing/records.js";
import { postgresSchemas, TEST_POSTGRES } from "../../testing/postgres.js";
import { withWarehouseAt } from "../../testing/warehouses.js";
import { PG_MIGRATIONS } from "./migrations.js";
import { parsePostgresLocation } from "./location.js";

const schemas = postgresSchemas();
afterAll(() => schemas.drop());

async function schemaVersion(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    return (await client.query<{ version: number }>(`SELECT version FROM "${schema}".schema_version`)).rows[0]?.version ?? -1;
  } finally {
    await client.end();
  }
}

describe("the Postgres warehouse", () => {
  it("migrates a new schema once, even when four processes' connections open it at the same moment, and reopening keeps everything", async () => {
    const url = schemas.newUrl();
    const { schema } = parsePostgresLocation(url);
    const opened = [0, 1, 2, 3].map(() => openWarehouse(url));
    try {
      await Promise.all(opened.map((w) => w.countEvents())); // a second run of migration 1 fails on "relation events already exists"
      await importEvents(opened[0]!, [storedEvent("e1")]);
      const first = await opened[1]!.insertTicket(newTicket("fp-a"));
      expect((await opened[2]!.insertTicket(newTicket("fp-b"))).id).toBe(first.id.replace(/-1$/, "-2"));
    } finally {
      await Promise.all(opened.map((w) => w.close()));
    }
    expect(await schemaVersion(schema)).toBe(PG_MIGRATIONS.length);
    await withWarehouseAt(url, async (again) => {
      expect(await again.countEvents()).toBe(1);
      expect(await again.countSessions()).toBe(1);
    });
  });

  it("keeps two schemas of one database apart: neither sees the other's events or tickets", async () => {
    const a = schemas.newUrl();
    const b = schemas.newUrl();
    await withWarehouseAt(a, (w) => importEvents(w, [storedEvent("e1"), storedEvent("e2")]));
    await withWarehouseAt(b, async (w) => {
      expect(await w.countEvents()).toBe(0);
      expect(await w.listTickets()).toEqual([]);
    });
    await withWarehouseAt(a, async (w) => expect(await w.countEvents()).toBe(2));
  });

  it("refuses a schema name that is not a plain identifier, and names the server it cannot reach", async () => {
    expect(() => openWarehouse(`${TEST_POSTGRES}?schema=a;drop`)).toThrow(/schema "a;drop" must be/);
    const unreachable = openWarehouse("postgres://nobody:secret@127.0.0.1:1/none?schema=x");
    await expect(unreachable.countEvents()).rejects.toThrow(/cannot open the Postgres warehouse postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    await unreachable.close();
  });
});

describe("claims of unreported sessions (many gather workers)", () => {
  it("two workers claiming the same range at once get disjoint sessions; a session reported by one is claimed by no later claim", async () => {
    const url = schemas.newUrl();
    const [a, b] = [openWarehouse(url), openWarehouse(url)];
    try {
      await importEvents(a, ["s1", "s2", "s3", "s4"].map((id) => storedEvent(`e-${id}`, { sessionId: id })));
      const query = { analystVersion: "v1", range: { fromId: "s1", toId: "s4" }, limit: 2 };
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = a.claimUnreported(query, async (ids) => {
        await held; // holds its claim while the other worker claims
        await a.saveReports(ids.map((id) => report(id)));
        return ids;
      });
      await new Promise((r) => setTimeout(r, 300));
      const second = await b.claimUnreported(query, async (ids) => ids);
      release();
      expect(await first).toEqual(["s1", "s2"]);
      expect(second).toEqual(["s3", "s4"]); // s1, s2 locked: skipped, not waited for
      expect(await b.claimUnreported({ analystVersion: "v1" }, async (ids) => ids)).toEqual(["s3", "s4"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
