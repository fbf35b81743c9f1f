import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pullPostHog } from "./pull.js";
import type { PostHogApiSettings } from "./settings.js";
import { ServiceSettings } from "../../state/profileSections/services.js";
import { CircuitOpenError } from "../../runtime/outside/circuit.js";
import { FakePostHogServer, fakeEvents } from "../../testing/fakePostHog.js";
import { FaultPlan } from "../../testing/faultPlan.js";
import { tempDir } from "../../testing/events.js";
import { withWarehouseAt as withWarehouse } from "../../testing/warehouses.js";

const FAST = { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 20, timeoutMs: 300, circuitFailures: 8, circuitCooldownMs: 60_000 };

/** Every stored event uuid with how many rows it has: a doubled event shows as a 2. */
function storedUuids(db: string): Map<string, number> {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare(`SELECT uuid, COUNT(*) AS n FROM events GROUP BY uuid`).all() as { uuid: string; n: number }[];
    return new Map(rows.map((r) => [r.uuid, r.n]));
  } finally {
    conn.close();
  }
}

describe("PostHog's query API behind its guard, with a fault plan on the fake", () => {
  let server: FakePostHogServer;
  let settings: (services: Partial<ServiceSettings>) => PostHogApiSettings;
  beforeEach(async () => {
    server = new FakePostHogServer({ projectId: "4242", apiKey: "phx_faults" });
    const host = await server.start();
    settings = (services) => ({ host, projectId: "4242", apiKey: "phx_faults", pageSize: 3, services: ServiceSettings.parse({ ...FAST, ...services }) });
  });
  afterEach(async () => server.close());

  it("at 20% faults (429s, 5xx, timeouts, cut and invalid bodies, dropped replies) stores every event exactly once", async () => {
    const events = [...fakeEvents("a", 50), ...fakeEvents("b", 50, { start: 50, session: "ps2" })];
    server.add(events);
    server.faults = new FaultPlan({ share: 0.2, seed: 7, timeoutHangMs: 1_000 });
    const db = join(tempDir(), "w.db");
    const result = await withWarehouse(db, (w) => pullPostHog(w, { ...settings({}), pageSize: 2 }));
    expect(result).toMatchObject({ events: 100, duplicates: 0, malformed: 0 });
    const stored = storedUuids(db);
    expect([...stored.keys()].sort()).toEqual(events.map((e) => e.uuid).sort());
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    const seen = Object.fromEntries(server.faults.injected);
    expect(server.faults.total, JSON.stringify(seen)).toBeGreaterThan(3);
    expect(Object.keys(seen).length, JSON.stringify(seen)).toBeGreaterThanOrEqual(6);
    const lostReplies = (seen["timeout"] ?? 0) + (seen["truncated"] ?? 0) + (seen["drop"] ?? 0) + (seen["invalidJson"] ?? 0);
    expect(lostReplies, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
    console.info(`PostHog API at 20% faults: ${server.faults.total} faults injected over ${server.requests.length} requests ${JSON.stringify(seen)}; 100 events, none lost or doubled`);
  }, 120_000);

  it("waits what Retry-After says before trying again, and backs off briefly without it", async () => {
    server.add(fakeEvents("a", 2));
    server.failures.push({ status: 429, retryAfter: "1" }, { status: 429, retryAfter: "1" });
    const db = join(tempDir(), "w.db");
    const started = Date.now();
    await withWarehouse(db, (w) => pullPostHog(w, settings({ retryBaseMs: 10, retryMaxMs: 5_000 })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000); // two waits of Retry-After: 1 s
    server.failures.push({ status: 503 }, { status: 503 });
    const again = Date.now();
    await withWarehouse(db, (w) => pullPostHog(w, settings({ retryBaseMs: 10, retryMaxMs: 5_000 })));
    expect(Date.now() - again).toBeLessThan(1_000); // 10 ms, then 20 ms, with jitter
    expect(server.requests).toHaveLength(2 + 1 + 2 + 1);
  }, 60_000);

  it("stops calling PostHog once it is down, and a later pull resumes from the last committed page with nothing doubled", async () => {
    const events = fakeEvents("k", 15);
    server.add(events);
    server.faults = new FaultPlan({ share: 0, seed: 1 });
    const faults = server.faults;
    const db = join(tempDir(), "w.db");
    const failed = await withWarehouse(db, (w) =>
      pullPostHog(w, settings({ circuitFailures: 3 }), { onPage: (line) => void (line.startsWith("page 2 committed") && (faults.down = true)) }),
    ).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(CircuitOpenError);
    expect((failed as Error).message).toMatch(/^PostHog is failing \(3 failed requests in a row, last: .*503/);
    expect(faults.total).toBe(3); // the circuit opened at the third failure: the three retries left were not sent
    expect(storedUuids(db).size).toBe(6);

    faults.down = false;
    const resumed = await withWarehouse(db, (w) => pullPostHog(w, settings({})));
    expect(resumed).toMatchObject({ events: 9, duplicates: 0 });
    const stored = storedUuids(db);
    expect([...stored.keys()].sort()).toEqual(events.map((e) => e.uuid));
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
