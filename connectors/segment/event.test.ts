import { describe, expect, it } from "vitest";
import { parseSegmentEvent } from "./event.js";

/** A web message of a made-up invoicing app, as Segment's warehouse and S3 exports store it. */
const message = (fields: Record<string, unknown>) => ({
  messageId: "ajs-next-1",
  userId: "usr_3001",
  timestamp: "2026-11-24T09:00:00.000Z",
  context: { page: { path: "/settings/bank-feeds", url: "https://app.billfold.test/settings/bank-feeds", referrer: "" } },
  ...fields,
});

describe("Segment: where a message happened", () => {
  it("a track's own path or url property is what the event is about, not the page: the page is context.page", () => {
    const e = parseSegmentEvent(
      message({ type: "track", event: "API Error", properties: { status: 502, path: "/api/v1/bank-feeds/acct_7/link", url: "https://api.billfold.test/v1/link" } }),
    );
    expect(e.properties["$pathname"]).toBe("/settings/bank-feeds");
    expect(e.properties["$current_url"]).toBe("https://app.billfold.test/settings/bank-feeds");
    expect(e.properties["path"]).toBe("/api/v1/bank-feeds/acct_7/link");
  });

  it("a page message's properties name the page", () => {
    const e = parseSegmentEvent(message({ type: "page", name: "Invoices", properties: { path: "/invoices", url: "https://app.billfold.test/invoices?search=acme" } }));
    expect(e.properties["$pathname"]).toBe("/invoices");
    expect(e.properties["$current_url"]).toBe("https://app.billfold.test/invoices?search=acme");
  });

  it("a server-side track with a url property and no context.page names no page, so it makes no session of its own", () => {
    const e = parseSegmentEvent({ type: "track", event: "Invoice Paid", messageId: "srv-1", userId: "usr_3001", timestamp: "2026-11-24T12:00:00Z", properties: { url: "https://billfold.test/i/inv_1" } });
    expect(e.properties["$pathname"]).toBeUndefined();
    expect(e.properties["$current_url"]).toBeUndefined();
  });
});
