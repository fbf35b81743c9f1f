import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pullPostHog } from "./pull.js";
import { ServiceSettings } from "../../state/profileSections/services.js";
import { SelfhealError } from "../../runtime/errors.js";
import { tempDir } from "../../testing/events.js";
import { withWarehouseAt as withWarehouse } from "../../testing/warehouses.js";

const RUNS = 150;
const COLUMNS = ["uuid", "event", "distinct_id", "timestamp", "properties"];

/** Any JSON value, nested a little. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A cell as a hostile or broken server might send it: right-looking, wrong type, far in time, deep, huge, not UTF-8. */
const anyCell = fc.oneof(
  anyJson,
  fc.constantFrom("2026-01-05T10:00:00.000001Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2026-02-30T10:00:00Z", "0000-00-00 00:00:00", ""),
  fc.constantFrom("u-1", "u-1'); DROP TABLE events; --", "\uD800", "x".repeat(100_000)),
  fc.integer({ min: 1, max: 3000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.constant(JSON.stringify({ $session_id: "s1", nested: { a: [1, { b: null }] } })),
);

/** A page of rows (each right-sized or not), with columns and hasMore that may be anything. */
const anyReply = fc.oneof(
  fc.record({
    results: fc.array(fc.oneof(fc.array(anyCell, { minLength: 5, maxLength: 5 }), fc.array(anyCell, { maxLength: 7 }), anyJson), { maxLength: 6 }),
    columns: fc.oneof(fc.constant(COLUMNS), fc.shuffledSubarray(COLUMNS), fc.array(fc.string(), { maxLength: 6 })),
    hasMore: fc.oneof(fc.boolean(), anyJson),
  }),
  anyJson,
);

/** The reply body: the page as JSON, or bytes that are not (invalid UTF-8 included). */
const anyBody = fc.oneof({ weight: 4, arbitrary: anyReply.map((r) => Buffer.from(JSON.stringify(r))) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) });

const row = (uuid: string, second: number) => [uuid, "$pageview", "u", `2026-01-05T10:00:${String(second).padStart(2, "0")}.000001Z`, "{}"];
/** Cases found by the fuzzer once, kept: a last row that cannot be a watermark, and a full page served again and again. */
const KNOWN = [
  [Buffer.from(JSON.stringify({ results: [row("a", 1), row(`{"$session_id":"s1"}`, 2)], columns: COLUMNS, hasMore: false }))],
  [Buffer.from(JSON.stringify({ results: [1, 2, 3, 4, 5].map((n) => row(`u-${n}`, n)), columns: COLUMNS, hasMore: true }))],
] satisfies [Buffer][];

describe("PostHog's query replies, fuzzed: a hostile or broken server", () => {
  let server: Server;
  let host: string;
  let body = Buffer.from("{}");
  beforeAll(async () => {
    // Every request gets the same reply: a page that does not move the watermark must not be read forever.
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it(`never crashes or loops: a result or a clear error, stored rows whole, and a watermark the next pull can use (${RUNS} cases)`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(anyBody, async (reply) => {
        cases++;
        body = reply;
        const db = join(tempDir(), "w.db");
        const api = { host, projectId: "1", apiKey: "phx", pageSize: 5, services: ServiceSettings.parse({ maxRetries: 1, retryBaseMs: 1, timeoutMs: 2_000 }) };
        const outcome = await withWarehouse(db, (w) => pullPostHog(w, api)).catch((err: unknown) => err);
        if (outcome instanceof Error) expect(outcome, outcome.stack).toBeInstanceOf(SelfhealError);
        await withWarehouse(db, async (w) => {
          const mark = await w.watermark(`posthog-api:${host}/1`);
          const events = await w.countEvents();
          if (!(outcome instanceof Error)) expect(events).toBe((outcome as { events: number }).events);
          // a stored watermark is one the next page's query accepts: the next pull is not bricked
          if (mark !== null) {
            body = Buffer.from(JSON.stringify({ results: [], columns: COLUMNS, hasMore: false }));
            await expect(pullPostHog(w, api)).resolves.toMatchObject({ events: 0 });
          }
        });
      }),
      { numRuns: RUNS, examples: KNOWN },
    );
    expect(cases).toBe(RUNS); // the known cases first, among them
    console.info(`PostHog query replies fuzzed: ${cases} cases`);
  }, 120_000);
});
