import { describe, expect, it } from "vitest";
import { exceptionKey } from "./fingerprint.js";
import { sameFailures, type FingerprintSeen } from "./sameFailure.js";
import type { SessionException, StackFrame } from "../../state/session.js";

const frame = (file: string, fn: string, line: number): StackFrame => ({ file, function: fn, line, column: 3, inApp: true });
const ex = (type: string, message: string, frames: StackFrame[], route = "/app/ledger"): SessionException => ({ eventId: "e", type, message, frames, route, at: "2026-11-10T10:00:00.000Z" });
const seen = (e: SessionException, sessions: string[]): FingerprintSeen => ({ key: exceptionKey(e), type: e.type, sessionIds: new Set(sessions) });
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("fingerprints that are one failure", () => {
  it("joins one line's error as two browsers word it, and keeps another line's error apart", () => {
    const chrome = seen(ex("TypeError", "Cannot read properties of undefined (reading 'total')", [frame("src/ledger/sum.js", "totalOf", 14)]), ids("c", 10));
    const firefox = seen(ex("TypeError", "row.total is undefined", [frame("src/ledger/sum.js", "q", 14)]), ids("f", 6));
    const other = seen(ex("TypeError", "row.total is undefined", [frame("src/ledger/sum.js", "taxOf", 40)]), ids("o", 4));
    const leaders = sameFailures([firefox, other, chrome]);
    expect(leaders.get(firefox.key.fingerprint)).toBe(chrome.key.fingerprint);
    expect(leaders.get(other.key.fingerprint)).toBe(other.key.fingerprint);
  });

  it("joins a stack that locates nothing (an unmapped React Native bundle) to the located one with its message", () => {
    const located = seen(ex("TypeError", "Reduce of empty array with no initial value", [frame("src/ledger/sum.js", "totalOf", 14)]), ids("a", 8));
    const bundle = seen(ex("TypeError", "Reduce of empty array with no initial value", [frame("app:///index.android.bundle", "anonymous", 1)]), ids("b", 3));
    expect(sameFailures([bundle, located]).get(bundle.key.fingerprint)).toBe(located.key.fingerprint);
  });

  it("joins two signals of the same sessions (a client event and the server's error), not two stackless errors of different pages", () => {
    const client = seen(ex("sync_failed", "502", [], "/settings/sync"), ids("s", 12));
    const server = seen(ex("api_error", "502", [], "/settings/sync"), ids("s", 12));
    const elsewhere = seen(ex("api_error", "500", [], "/usage"), ids("u", 3));
    const leaders = sameFailures([client, server, elsewhere]);
    expect(leaders.get(server.key.fingerprint)).toBe(leaders.get(client.key.fingerprint));
    expect(leaders.get(elsewhere.key.fingerprint)).toBe(elsewhere.key.fingerprint);
  });
});
