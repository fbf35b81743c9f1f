import { describe, it, expect } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePostHogEvent } from "./event.js";
import { ingestFile } from "../ingest.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { tempDir } from "../../testing/events.js";

const fresh = freshWarehouses();
const base = { uuid: "e1", event: "$pageview", distinct_id: "u1", timestamp: "2026-11-16T10:00:00.000Z" };

describe("a PostHog event's properties as the source wrote them", () => {
  it("are kept as the line's own text when the event's properties are the line's, so they are not serialized again", () => {
    const line = `{"uuid":"e1","event":"$pageview","properties": {"$session_id":"s1", "$pathname":"/a\\u00e9", "n":1.50},"distinct_id":"u1","timestamp":"2026-11-16T10:00:00.000Z"}`;
    const e = parsePostHogEvent(JSON.parse(line), line);
    expect(e.propertiesJson).toBe(`{"$session_id":"s1", "$pathname":"/a\\u00e9", "n":1.50}`);
    expect(JSON.parse(e.propertiesJson!)).toEqual(e.properties);
    // a CSV export's properties column is such text too
    const csv = parsePostHogEvent({ ...base, properties: '{"$session_id":"s1","x":[1]}' });
    expect(csv.propertiesJson).toBe('{"$session_id":"s1","x":[1]}');
  });

  it("are serialized from the event when it holds more than the source's properties, and the source's object is left as it was", () => {
    const fromColumn = { ...base, $session_id: "s9", properties: { $pathname: "/a" } };
    const e = parsePostHogEvent(fromColumn, JSON.stringify(fromColumn));
    expect(e.properties).toEqual({ $pathname: "/a", $session_id: "s9" });
    expect(e.propertiesJson).toBeUndefined();
    expect(fromColumn.properties).toEqual({ $pathname: "/a" });

    const flattened = { ...base, properties: '{"$session_id":"s1","$os":null}', "properties.$os": "Mac OS X", elements_chain: "button:text=\"Save\"" };
    const f = parsePostHogEvent(flattened);
    expect(f.properties).toEqual({ $session_id: "s1", $os: "Mac OS X", $elements_chain: 'button:text="Save"' });
    expect(f.propertiesJson).toBeUndefined();
    // the event's own value wins over a column's
    expect(parsePostHogEvent({ ...base, properties: { $session_id: "s1", $os: "Linux" }, "properties.$os": "Mac OS X" }).properties["$os"]).toBe("Linux");
  });

  it("read back from the warehouse equal the properties of the lines imported, however the lines were spaced or escaped", async () => {
    const lines = [
      { ...base, uuid: "a", properties: { $session_id: "s1", $pathname: "/é", nested: { properties: { deep: [1, { "}": "{" }] } }, quote: 'say "hi" \\' } },
      { ...base, uuid: "b", timestamp: "2026-11-16T10:01:00.000Z", properties: { $session_id: "s1", n: 1e-7, big: 2 ** 60 } },
    ];
    const text = lines.map((l, i) => (i === 0 ? JSON.stringify(l, null, 0).replace(/":/g, '" : ') : JSON.stringify(l).replace("é", "\\u00e9"))).join("\n");
    const file = join(tempDir(), "events.jsonl");
    writeFileSync(file, `${text}\n`);
    const warehouse = fresh();
    expect((await ingestFile(warehouse, file, { now: new Date("2026-11-20T00:00:00Z"), since: "2026-01-01" })).events).toBe(2);
    const stored = await warehouse.sessionEvents("s1");
    expect(stored.map((e) => e.properties)).toEqual(lines.map((l) => JSON.parse(JSON.stringify(l.properties)) as unknown));
  });
});
