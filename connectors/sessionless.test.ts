import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { openWarehouse } from "../warehouse/index.js";
import { ingestFile } from "./ingest.js";
import { at, jsonLines, posthogRecord, tempDir, writeFile } from "../testing/events.js";

describe("events without a session id in a PostHog export", () => {
  it("attach to the user's session when one covers them, else count as sessionless", async () => {
    const dir = tempDir();
    const warehouse = openWarehouse(join(dir, "w.db"));
    const file = writeFile(dir, "e.jsonl", jsonLines([
      posthogRecord("a1", { session: "s1", at: at(0) }),
      posthogRecord("a2", { session: "s1", at: at(600) }),
      posthogRecord("srv-inside", { session: null, at: at(300), event: "invoice_paid" }),
      posthogRecord("srv-outside", { session: null, at: at(7200), event: "invoice_paid" }),
    ]));
    const result = await ingestFile(warehouse, file);
    expect(result).toMatchObject({ events: 4, sessions: 1, sessionless: 1 });
    const [s1] = await warehouse.sessionSignals(["s1"]);
    expect(s1?.eventCount).toBe(3);
    await warehouse.close();
  });

  it("are sessionized by the 30-minute rule for a user the source gave no session at all", async () => {
    const dir = tempDir();
    const warehouse = openWarehouse(join(dir, "w.db"));
    // user-2 has no $session_id anywhere (a product without session tracking): two visits 45 minutes apart
    const file = writeFile(dir, "e.jsonl", jsonLines([
      posthogRecord("b3", { session: null, distinctId: "user-2", at: at(60 * 60) }),
      posthogRecord("b1", { session: null, distinctId: "user-2", at: at(0) }),
      posthogRecord("b2", { session: null, distinctId: "user-2", at: at(15 * 60) }),
      posthogRecord("c1", { session: "s9", distinctId: "user-3", at: at(0) }),
    ]));
    const result = await ingestFile(warehouse, file);
    expect(result).toMatchObject({ events: 4, sessionless: 0, sessions: 3 });
    expect(await warehouse.countSessions()).toBe(3);
    // the same file again agrees on the inferred sessions: nothing new
    const again = await ingestFile(warehouse, file);
    expect(again).toMatchObject({ events: 0, duplicates: 4 });
    expect(await warehouse.countSessions()).toBe(3);
    await warehouse.close();
  });
});
