import { describe, expect, it } from "vitest";
import { formatProgress, throttledProgress, type IngestProgress } from "./progress.js";

describe("import progress", () => {
  it("reports while reading at most once per interval, and every phase change", async () => {
    const seen: IngestProgress[] = [];
    const progress = throttledProgress((p) => seen.push(p), 20);
    for (let line = 1; line <= 5000; line++) progress.tick(line, line);
    expect(seen).toEqual([]); // all within the first 20 ms
    await new Promise((resolve) => setTimeout(resolve, 25));
    for (let line = 5001; line <= 9000; line++) progress.tick(line, line - 1);
    expect(seen.map((p) => [p.phase, p.lines])).toEqual([["reading", 5120]]); // the clock is read every 1024 lines
    progress.phase(9000, 8999, "sessionizing");
    expect(seen.map((p) => p.phase)).toEqual(["reading", "sessionizing"]);
  });

  it("says records (lines, or a JSON array's elements), events and events per second", () => {
    const p: IngestProgress = { lines: 250_000, events: 249_100, seconds: 4, eventsPerSec: 62_275, bytesRead: 1, totalBytes: 2, phase: "reading" };
    expect(formatProgress(p)).toBe("read 250,000 records, 249,100 events (62,275 events/s)");
    expect(formatProgress({ ...p, phase: "done" })).toBe("imported in 4.0 s (62,275 events/s)");
  });

  it("says where the reader is in the file", () => {
    let read = 0;
    const seen: IngestProgress[] = [];
    const progress = throttledProgress((p) => seen.push(p), 0, () => ({ read, total: 1000 }));
    read = 400;
    progress.tick(1024, 1000);
    read = 1000;
    progress.phase(2000, 1990, "sessionizing");
    expect(seen.map((p) => [p.bytesRead, p.totalBytes])).toEqual([[400, 1000], [1000, 1000]]);
  });
});
