import { describe, it, expect } from "vitest";
import { PassThrough } from "node:stream";
import { startProgress } from "./progress.js";

/** A stderr stand-in: a terminal (with a width) or not, recording what is drawn on it. */
function stream(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough();
  let written = "";
  s.on("data", (d: Buffer) => (written += d.toString()));
  Object.assign(s, { isTTY: tty, columns: 100 });
  return { stream: s as unknown as NodeJS.WriteStream, text: () => written };
}

describe("progress", () => {
  it("in a log: plain lines, the first and the last, with no terminal control codes", () => {
    const log = stream(false);
    const p = startProgress({ label: "gather", unit: "sessions", stream: log.stream });
    p.update(0, 2000);
    p.update(1000, 2000, "3 failed");
    p.update(2000, 2000, "3 failed");
    p.stop();
    p.update(5, 10); // after stop: ignored
    expect(log.text().split("\n")).toEqual(["gather: 0 of 2,000 sessions (0%)", "gather: 2,000 of 2,000 sessions (100%) · 3 failed", ""]);
  });

  it("in a log: a state drawn once is not drawn again at stop (an import shorter than one progress tick)", () => {
    const log = stream(false);
    const p = startProgress({ label: "ingest", unit: "MB", amount: (b) => (b / 1e6).toFixed(1), stream: log.stream });
    p.update(3e5, 3e5, "300 events");
    p.stop();
    expect(log.text()).toBe("ingest: 0.3 of 0.3 MB (100%) · 300 events\n");
  });

  it("on a terminal: a bar redrawn in place, with the amount and the note", () => {
    const term = stream(true);
    const p = startProgress({ label: "ingest", unit: "MB", amount: (b) => (b / 1e6).toFixed(1), stream: term.stream });
    p.update(0, 4e6);
    p.update(4e6, 4e6, "12 events");
    p.stop();
    expect(term.text()).toContain("\u001b[");
    expect(term.text()).toMatch(/ingest █+ 100% 4\.0\/4\.0 MB · 12 events/);
  });
});
