import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describeMalformed, ingestFile, recordNoun, type IngestOptions } from "./ingest.js";
import { inferredSessionId } from "./formats.js";
import { openWarehouse } from "../warehouse/index.js";
import { amplitudeRecord, at, jsonLines, posthogRecord, segmentRecord, tempDir, writeFile } from "../testing/events.js";
import { zipArchive } from "../testing/zip.js";
import { runCli } from "../testing/cli.js";

async function ingestInto(db: string, file: string, opts: IngestOptions = {}) {
  const w = openWarehouse(db);
  const detected: string[] = [];
  try {
    const result = await ingestFile(w, file, { ...opts, onDetected: (d) => detected.push(`${d.format} (${d.packing})`) });
    return { result, detected, sessions: await w.sessionSignals(await w.sessionsWithoutReport({ analystVersion: "none" })) };
  } finally {
    await w.close();
  }
}

describe("PostHog JSON array and CSV exports", () => {
  it("streams a JSON array, reporting a bad element by its position", async () => {
    const dir = tempDir();
    const records = [posthogRecord("j1", { at: at(0) }), { ...posthogRecord("j2"), uuid: "" }, posthogRecord("j3", { at: at(30) }), posthogRecord("j1", { at: at(0) })];
    const file = writeFile(dir, "export.json", JSON.stringify(records, null, 2));
    const { result, detected, sessions } = await ingestInto(join(dir, "w.db"), file);
    expect(detected).toEqual(["posthog (JSON array)"]);
    expect(result).toMatchObject({ events: 2, duplicates: 1, sessions: 1, malformed: 1, malformedLines: [2] });
    expect(result.malformedReasons[0]?.reason).toBe("uuid: missing uuid");
    expect(sessions[0]).toMatchObject({ sessionId: "s1", eventCount: 2, durationSec: 30 });
  });

  it("names a bad element of a one-line JSON array as an element, never as a line the file does not have", async () => {
    const dir = tempDir();
    const records = [posthogRecord("k1", { at: at(0) }), posthogRecord("k2", { at: at(5) }), posthogRecord("k3", { at: at(9) }), { ...posthogRecord("k4"), timestamp: "not a time" }];
    const file = writeFile(dir, "export.json", JSON.stringify(records));
    const { result } = await ingestInto(join(dir, "w.db"), file);
    expect(result.malformedReasons).toEqual([expect.objectContaining({ line: 4, element: true })]);
    await expect(ingestInto(join(dir, "strict.db"), file, { strict: true })).rejects.toThrow(/export\.json, element 4, key "timestamp"/);
    const cli = await runCli(["--db", join(dir, "cli.db"), "ingest", file]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/1 malformed element skipped:\n {2}element 4: timestamp:/);
  }, 120_000);

  it("calls a bad JSON array element an element, not a line, in what people read (the --json key stays `line`)", async () => {
    const dir = tempDir();
    const file = writeFile(dir, "export.json", JSON.stringify([posthogRecord("j1", { at: at(0) }), { ...posthogRecord("j2"), uuid: "" }], null, 2));
    const { result } = await ingestInto(join(dir, "w.db"), file);
    expect(result.malformedReasons).toEqual([{ line: 2, element: true, reason: "uuid: missing uuid" }]);
    expect(describeMalformed(result.malformedReasons[0]!)).toBe("element 2: uuid: missing uuid");
    await expect(ingestInto(join(dir, "strict.db"), file, { strict: true })).rejects.toThrow(`${file}, element 2, key "uuid": missing uuid`);
    const allBad = writeFile(dir, "bad.json", JSON.stringify([{ nope: 1 }]));
    await expect(ingestInto(join(dir, "bad.db"), allBad, { format: "segment" })).rejects.toThrow(new RegExp(`^${allBad}, element 1: no element could be read as segment`));
  });

  it("says element only when every record named is an element (a zip may hold a JSON array beside JSON lines)", () => {
    expect(recordNoun({ element: true })).toBe("element");
    expect(recordNoun([{ element: true }, { element: true }])).toBe("element");
    expect(recordNoun([{ element: true }, {}])).toBe("line");
    expect(recordNoun({})).toBe("line");
  });

  it("reads PostHog's CSV (properties as a JSON string column), gzipped too, with bad rows by line number", async () => {
    const props = (path: string, session: string) => JSON.stringify({ $pathname: path, $session_id: session, $current_url: `https://acme.test${path}?a=1,b=2` });
    const csvText = [
      "uuid,event,properties,timestamp,distinct_id,elements_chain",
      `c1,$pageview,"${props("/app/orders/12", "cs1").replace(/"/g, '""')}",${at(0)},u1,`,
      `c2,$autocapture,"${JSON.stringify({ $session_id: "cs1", $event_type: "click" }).replace(/"/g, '""')}",${at(5)},u1,"button:text=""Save"""`,
      `c3,$pageview,"{not json",${at(9)},u1,`,
      `c4,order_placed,"${props("/app/checkout", "cs1").replace(/"/g, '""')}",${at(40)},u1,`,
    ].join("\n");
    const dir = tempDir();
    for (const [name, content] of [["events.csv", csvText], ["events.csv.gz", gzipSync(csvText)]] as const) {
      const { result, detected, sessions } = await ingestInto(join(dir, `${name}.db`), writeFile(dir, name, content));
      expect(detected).toEqual([name.endsWith(".gz") ? "posthog (CSV, gzip)" : "posthog (CSV)"]);
      expect(result).toMatchObject({ events: 3, duplicates: 0, sessions: 1, sessionless: 0, malformed: 1, malformedLines: [4] });
      expect(result.malformedReasons[0]?.reason).toBe("properties: properties is not valid JSON");
      expect(sessions[0]).toMatchObject({ sessionId: "cs1", eventCount: 3, clicks: 1, entryRoute: "/app/orders/:id", exitRoute: "/app/checkout" });
      expect(sessions[0]?.customEvents.map((c) => c.name)).toEqual(["order_placed"]);
    }
  });
});

describe("Amplitude export (zip of gzipped JSON lines)", () => {
  const session = Date.parse(at(0));
  const day1 = [
    amplitudeRecord("i1", { at: at(0), session, props: { "[Amplitude] Page Path": "/app/workflows/42", "[Amplitude] Page Location": "https://acme.test/app/workflows/42", referrer: "https://news.ycombinator.com/item" } }),
    amplitudeRecord("i2", { type: "[Amplitude] Rage Click", at: at(20), session, props: { "[Amplitude] Element Text": "Save" } }),
    amplitudeRecord("i3", { type: "server_sync", at: at(25), session: -1 }), // server-side, inside the session: attached
  ];
  const day2 = [
    amplitudeRecord("i2", { type: "[Amplitude] Rage Click", at: at(20), session, props: { "[Amplitude] Element Text": "Save" } }), // overlapping export
    amplitudeRecord("i4", { type: "workflow_created", at: at(60), session }),
    amplitudeRecord("i5", { type: "nightly_digest", at: at(9000), session: -1 }), // outside any session: sessionless
    { event_type: "broken" }, // no $insert_id
  ];
  const archive = zipArchive([
    { name: "123/", data: "" },
    { name: "123/123_2026-01-05_10#0.json.gz", data: gzipSync(jsonLines(day1)) },
    { name: "123/123_2026-01-05_11#0.json.gz", data: gzipSync(jsonLines(day2)) },
  ]);

  it("maps event_type, user/device, session_id in ms, event_time and $insert_id into sessions", async () => {
    const dir = tempDir();
    const { result, detected, sessions } = await ingestInto(join(dir, "w.db"), writeFile(dir, "amplitude.zip", archive));
    expect(detected).toEqual(["amplitude (zip of JSON lines, gzip)"]);
    expect(result).toMatchObject({ events: 5, duplicates: 1, sessions: 1, sessionless: 1, malformed: 1, malformedLines: [4] });
    expect(result.malformedReasons[0]?.reason).toBe("123/123_2026-01-05_11#0.json.gz: $insert_id: missing $insert_id (and uuid)");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      sessionId: `amplitude:device-1:${session}`,
      distinctId: "amp-user",
      eventCount: 4, // i1 i2 i3 i4; i5 is sessionless
      pageviews: 1,
      entryRoute: "/app/workflows/:id",
      referrer: "news.ycombinator.com",
      durationSec: 60,
    });
    expect(sessions[0]?.clickSignals).toEqual([{ eventId: "i2", kind: "rage", route: "/app/workflows/:id", text: "Save", at: at(20) }]);
    expect(sessions[0]?.customEvents.map((c) => c.name)).toEqual(["server_sync", "workflow_created"]);
    // The same archive again: every event is a duplicate, nothing changes.
    const again = await ingestInto(join(dir, "w.db"), join(dir, "amplitude.zip"));
    expect(again.result).toMatchObject({ events: 0, duplicates: 6, sessions: 0 });
  });
});

describe("Amplitude attribution and screens", () => {
  it("reads utm_* and the referrer from user_properties and the landing URL (the URL winning), and Screen Viewed as a screen", async () => {
    const session = Date.parse(at(0));
    const landing = amplitudeRecord("a1", {
      at: at(0),
      session,
      props: { "[Amplitude] Page Path": "/", "[Amplitude] Page Location": "https://acme.test/?utm_source=google&utm_term=acme%20crm%20pricing" },
    });
    const rows = [
      { ...landing, user_properties: { utm_source: "newsletter", utm_campaign: "spring", initial_utm_term: "first visit ever", referrer: "https://www.google.com/", referring_domain: "www.google.com" } },
      amplitudeRecord("a2", { type: "[Amplitude] Screen Viewed", at: at(10), session, props: { "[Amplitude] Screen Name": "/settings/profile" } }),
    ];
    const dir = tempDir();
    const { sessions } = await ingestInto(join(dir, "w.db"), writeFile(dir, "amplitude.jsonl", jsonLines(rows)), { format: "amplitude" });
    expect(sessions[0]?.utm).toEqual({ utm_source: "google", utm_campaign: "spring", utm_term: "acme crm pricing" });
    expect(sessions[0]).toMatchObject({ referrer: "www.google.com", pageviews: 2, exitRoute: "/settings/profile" });
  });
});

describe("Segment export", () => {
  const file = jsonLines([
    segmentRecord("m4", { at: at(3600), userId: "u-ann", path: "/app" }), // out of order; 58 minutes idle: a second session
    segmentRecord("m2", { type: "track", event: "Signed Up", at: at(120), userId: "u-ann" }),
    segmentRecord("m3", { type: "identify", at: at(130), userId: "u-ann" }),
    segmentRecord("m1", { at: at(0), userId: "u-ann", path: "/pricing" }),
    segmentRecord("m5", { type: "screen", at: at(10), anonymousId: "anon-bob" }),
    segmentRecord("m1", { at: at(0), userId: "u-ann", path: "/pricing" }),
    segmentRecord("m6", { type: "track", at: at(20), userId: "u-ann" }), // a track without an event name
  ]);

  it("maps track/page/identify/screen and infers sessions per user with deterministic ids", async () => {
    const dir = tempDir();
    const path = writeFile(dir, "segment.jsonl", file);
    const { result, detected, sessions } = await ingestInto(join(dir, "w.db"), path);
    expect(detected).toEqual(["segment (JSON lines)"]);
    expect(result).toMatchObject({ events: 5, duplicates: 1, sessions: 3, sessionless: 0, malformed: 1, malformedLines: [7] });
    const annFirst = inferredSessionId("u-ann", { uuid: "m1", timestamp: at(0) });
    const annSecond = inferredSessionId("u-ann", { uuid: "m4", timestamp: at(3600) });
    const byId = new Map(sessions.map((s) => [s.sessionId, s]));
    expect(byId.get(annFirst)).toMatchObject({ eventCount: 3, pageviews: 1, entryRoute: "/pricing", durationSec: 130 });
    expect(byId.get(annFirst)?.customEvents.map((c) => c.name)).toEqual(["Signed Up"]);
    expect(byId.get(annSecond)).toMatchObject({ eventCount: 1, entryRoute: "/app" });
    expect([...byId.keys()].filter((id) => id !== annFirst && id !== annSecond)).toHaveLength(1); // anon-bob's screen

    // Re-importing (into a fresh warehouse too) gives the same session ids.
    const other = await ingestInto(join(dir, "other.db"), path, { format: "segment" });
    expect(other.detected).toEqual(["segment (JSON lines)"]);
    expect(other.sessions.map((s) => s.sessionId).sort()).toEqual([...byId.keys()].sort());
  });
});
