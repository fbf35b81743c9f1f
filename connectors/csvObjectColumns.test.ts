import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingestFile } from "./ingest.js";
import { openWarehouse } from "../warehouse/index.js";
import { tempDir, writeFile } from "../testing/events.js";

/** A CSV row: nested objects as JSON text, as a warehouse query or a spreadsheet export writes them. */
const csv = (header: string[], rows: unknown[][]) =>
  [header.join(","), ...rows.map((row) => row.map((v) => (typeof v === "object" ? `"${JSON.stringify(v).replace(/"/g, '""')}"` : String(v))).join(","))].join("\n") + "\n";

async function ingest(name: string, content: string) {
  const dir = tempDir();
  const w = openWarehouse(join(dir, "w.db"));
  try {
    const result = await ingestFile(w, writeFile(dir, name, content), {});
    return { result, sessions: await w.sessionSignals(await w.sessionsWithoutReport({ analystVersion: "none" })) };
  } finally {
    await w.close();
  }
}

describe("CSV exports keep nested objects as JSON text columns", () => {
  it("Segment: context.page and properties are read from their columns, so page views make sessions", async () => {
    const page = (id: string, ts: string, path: string) => ["page", id, "usr_1", ts, "", { path }, { page: { path, url: `https://app.billfold.test${path}` } }];
    const content = csv(["type", "messageId", "userId", "timestamp", "event", "properties", "context"], [
      page("m1", "2026-11-24T09:00:00Z", "/invoices"),
      ["track", "m2", "usr_1", "2026-11-24T09:01:00Z", "Invoice Sent", { invoice_id: "inv_9" }, { page: { path: "/invoices/inv_9" } }],
    ]);
    const { result, sessions } = await ingest("segment.csv", content);
    expect(result).toMatchObject({ events: 2, sessions: 1, sessionless: 0, malformed: 0 });
    expect(sessions[0]?.customEvents).toEqual([expect.objectContaining({ name: "Invoice Sent", route: "/invoices/:id", props: expect.objectContaining({ invoice_id: "inv_9" }) })]);
  });

  it("Amplitude: event_properties are read from their column", async () => {
    const content = csv(["event_type", "$insert_id", "event_time", "user_id", "device_id", "session_id", "event_properties"], [
      ["[Amplitude] Screen Viewed", "a1", "2026-11-24 09:00:00.000000", "user_10042", "dev-1", 1795740226555, { "[Amplitude] Screen Name": "ProgressViewController" }],
    ]);
    const { sessions } = await ingest("amplitude.csv", content);
    expect(sessions[0]?.routes).toEqual(["/progressviewcontroller"]);
  });

  it("a column that is not JSON is a malformed line naming its key", async () => {
    const content = csv(["type", "messageId", "userId", "timestamp", "event", "properties"], [
      ["track", "m1", "usr_1", "2026-11-24T09:00:00Z", "Invoice Sent", { invoice_id: "inv_9" }],
      ["track", "m2", "usr_1", "2026-11-24T09:01:00Z", "Invoice Sent", "{not json"],
    ]);
    const { result } = await ingest("segment.csv", content);
    expect(result.malformedReasons).toEqual([expect.objectContaining({ line: 3, reason: "properties: properties is not valid JSON" })]);
  });
});
