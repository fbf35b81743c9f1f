import { describe, expect, it } from "vitest";
import { SERVER_EVENT_GRACE_MS, sessionForServerEvent, type SessionSpan } from "./attachUnlinked.js";

const t = (minutes: number): string => new Date(Date.UTC(2026, 0, 5, 10, 0, 0) + minutes * 60_000).toISOString();
const span = (id: string, from: number, to: number): SessionSpan => ({ id, startedAt: t(from), endedAt: t(to) });
const graceMinutes = SERVER_EVENT_GRACE_MS / 60_000;

describe("the session a server-side event joins", () => {
  const spans = [span("a", 0, 10), span("b", 60, 70)];

  it("is the one whose span contains it", () => {
    expect(sessionForServerEvent(t(5), spans)).toBe("a");
  });

  it("is the latest one started before it when it lands within the grace window after that one's end", () => {
    expect(sessionForServerEvent(t(11), spans)).toBe("a");
    expect(sessionForServerEvent(t(10 + graceMinutes), spans)).toBe("a");
    expect(sessionForServerEvent(t(71), spans)).toBe("b");
  });

  it("is none beyond the grace window", () => {
    expect(sessionForServerEvent(t(10 + graceMinutes + 1), spans)).toBeNull();
    expect(sessionForServerEvent(t(70 + graceMinutes + 1), spans)).toBeNull();
  });

  it("is none before a session's start: not a session that starts later, nor an earlier one it is far from", () => {
    expect(sessionForServerEvent(t(59), spans)).toBeNull();
    expect(sessionForServerEvent(t(-1), spans)).toBeNull();
  });

  it("is the later session, not an earlier one whose grace window it is in, once that later one has started", () => {
    const close = [span("a", 0, 10), span("b", 12, 20)];
    expect(sessionForServerEvent(t(11), close)).toBe("a");
    expect(sessionForServerEvent(t(21), close)).toBe("b");
  });
});
