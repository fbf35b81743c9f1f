import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { openWarehouse, type Warehouse } from "../../warehouse/index.js";
import { FakeLinearServer } from "../../testing/fakeLinear.js";
import { FaultPlan } from "../../testing/faultPlan.js";
import { notebookProfile } from "../../testing/profiles.js";
import { CircuitOpenError } from "../../runtime/outside/circuit.js";
import { ServiceError } from "../../runtime/outside/guard.js";
import { trackerFor } from "./index.js";
import type { TicketProposal } from "./types.js";

const KEY = "lin_api_faults";
const FAST = { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 20, timeoutMs: 300, circuitFailures: 8, circuitCooldownMs: 60_000 };

function proposal(n: number): TicketProposal {
  return { fingerprint: `exc-${String(n).padStart(16, "0")}`, title: `Failure number ${n}`, body: `${n} sessions`, kind: "bug", priority: 3, labels: ["bug", `area-${n % 3}`], sessions: 5 + n, codeLocations: [], week: "2026-W10" };
}

describe("Linear behind its guard, with a fault plan on the fake", () => {
  let fake: FakeLinearServer;
  let warehouse: Warehouse;
  const env = { LINEAR_API_KEY: KEY };
  const trackerWith = (services: Record<string, number>) =>
    trackerFor(notebookProfile({ tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: fake.url }, services }), warehouse, env);

  beforeEach(async () => {
    fake = new FakeLinearServer(KEY);
    await fake.start();
    warehouse = openWarehouse(join(mkdtempSync(join(tmpdir(), "selfheal-faults-")), "warehouse.db"));
  });
  afterEach(async () => {
    await warehouse.close();
    await fake.stop();
  });

  it("at 20% faults (429s, 5xx, timeouts, cut and invalid bodies, dropped replies) files every ticket exactly once", async () => {
    fake.faults = new FaultPlan({ share: 0.2, seed: 1307, timeoutHangMs: 1_000 });
    const tracker = await trackerWith(FAST);
    for (let n = 0; n < 12; n++) await tracker.file(proposal(n));
    for (let n = 0; n < 12; n++) expect((await tracker.file(proposal(n))).action).toBe("unchanged");
    const markers = fake.issues.map((i) => /selfheal-pattern:(\S+)/.exec(i.description)?.[1]);
    expect(new Set(markers).size).toBe(12);
    expect(fake.issues).toHaveLength(12);
    expect((await warehouse.listTickets()).length).toBe(12);
    // every kind of fault was met, and a reply lost after an issue was made did not make a twin
    expect(fake.faults.total).toBeGreaterThan(10);
    const seen = Object.fromEntries(fake.faults.injected);
    expect(Object.keys(seen).length, JSON.stringify(seen)).toBeGreaterThanOrEqual(6);
    const lostReplies = (seen["timeout"] ?? 0) + (seen["truncated"] ?? 0) + (seen["drop"] ?? 0);
    expect(lostReplies, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
    expect(fake.rejected).toEqual([]);
  }, 120_000);

  it("at 20% faults comments once per issue: a comment whose reply was lost is found, not made again", async () => {
    const tracker = await trackerWith(FAST);
    const tickets = [];
    for (let n = 0; n < 12; n++) tickets.push((await tracker.file(proposal(n))).ticket);
    fake.faults = new FaultPlan({ share: 0.2, seed: 53, timeoutHangMs: 1_000 });
    for (const t of tickets) await tracker.markInReview(t, `https://github.com/acme/app/pull/${t.id}`);
    for (const t of tickets) await tracker.reopen(t, `Not healed: ${t.id} came back.`);
    expect(fake.comments).toHaveLength(24);
    expect(new Set(fake.comments.map((c) => `${c.issueId} ${c.body}`)).size).toBe(24);
    const seen = Object.fromEntries(fake.faults.injected);
    const lostReplies = (seen["timeout"] ?? 0) + (seen["truncated"] ?? 0) + (seen["drop"] ?? 0) + (seen["invalidJson"] ?? 0) + (seen["500"] ?? 0);
    expect(lostReplies, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
    expect(fake.rejected).toEqual([]);
  }, 120_000);

  it("stops calling Linear once it is down, and fails with an error naming it", async () => {
    fake.faults = new FaultPlan({ share: 0, seed: 1 });
    fake.faults.down = true;
    const tracker = await trackerWith({ ...FAST, circuitFailures: 3 });
    const first = await tracker.file(proposal(1)).catch((err: unknown) => err);
    expect(first).toBeInstanceOf(CircuitOpenError);
    expect(String((first as Error).message)).toMatch(/^Linear is failing \(3 failed requests in a row, last: .*503/);
    const sent = fake.faults.total;
    expect(sent).toBe(3); // the circuit opened at the third failure; the retries left were not sent
    for (let n = 2; n < 6; n++) await expect(tracker.file(proposal(n))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(fake.faults.total).toBe(sent);
    expect(fake.issues).toEqual([]);
  }, 60_000);

  it("gives up on a request after its retries with a ServiceError, not a success", async () => {
    fake.faults = new FaultPlan({ share: 1, seed: 5, kinds: [{ kind: "status", status: 500 }] });
    const tracker = await trackerWith({ ...FAST, maxRetries: 2, circuitFailures: 50 });
    const err = await tracker.file(proposal(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).attempts).toBe(3);
    expect(fake.faults.total).toBe(3);
  }, 60_000);
});
