/** Where a long import has got to. */
export interface IngestProgress {
  lines: number;
  events: number;
  seconds: number;
  /** Events read per second so far. */
  eventsPerSec: number;
  /** Bytes of the file read so far (compressed bytes for .gz and .zip), out of its size: for a progress bar. */
  bytesRead: number;
  totalBytes: number;
  phase: "reading" | "sessionizing" | "done";
}

/** Where the reader is in the file. */
export type FilePosition = () => { read: number; total: number };

/** Calls `report` at most once per `everyMs` while reading, and always for a phase change. */
export function throttledProgress(report: ((p: IngestProgress) => void) | undefined, everyMs = 1000, position: FilePosition = () => ({ read: 0, total: 0 })) {
  const start = performance.now();
  let last = start;
  const snapshot = (lines: number, events: number, phase: IngestProgress["phase"]): IngestProgress => {
    const seconds = (performance.now() - start) / 1000;
    const { read, total } = position();
    // Reading over, the whole file has been read, whatever the reader counts: a zip's counts leave out its headers.
    const bytesRead = phase === "reading" ? read : total;
    return { lines, events, seconds, eventsPerSec: seconds > 0 ? Math.round(events / seconds) : 0, bytesRead, totalBytes: total, phase };
  };
  return {
    tick(lines: number, events: number): void {
      if (!report || (lines & 1023) !== 0) return; // look at the clock every 1024 lines only
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      report(snapshot(lines, events, "reading"));
    },
    phase(lines: number, events: number, phase: IngestProgress["phase"]): void {
      report?.(snapshot(lines, events, phase));
    },
  };
}

/** One stderr line, e.g. "read 250,000 records, 249,100 events (61,000 events/s)": records, since a JSON array's are elements, not lines. */
export function formatProgress(p: IngestProgress): string {
  const n = (x: number): string => x.toLocaleString("en-US");
  if (p.phase === "sessionizing") return `read ${n(p.lines)} records, ${n(p.events)} events; sessionizing and committing…`;
  if (p.phase === "done") return `imported in ${p.seconds.toFixed(1)} s (${n(p.eventsPerSec)} events/s)`;
  return `read ${n(p.lines)} records, ${n(p.events)} events (${n(p.eventsPerSec)} events/s)`;
}
