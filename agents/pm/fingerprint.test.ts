import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { exceptionKey, sourceTail } from "./fingerprint.js";
import { constantParts, normalizeMessage } from "./normalize.js";
import type { SessionException } from "../../state/session.js";

/** The variable parts a failure message carries from one session to the next. */
const variable = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x.toFixed(2)),
  fc.uuid(),
  fc.emailAddress(),
  // An apostrophe ending a URL cannot be told from a closing quote; the generator leaves those out.
  fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true } }).filter((u) => !u.includes("'")),
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom("ms", "s", "seconds", "min")).map(([n, u]) => `${n}${u}`),
  fc.tuple(fc.constantFrom("tr", "usr", "wf", "run", "acct"), fc.stringMatching(/^[a-z0-9]{3,10}$/)).map(([p, s]) => `${p}_${s}1`),
  fc.stringMatching(/^[0-9a-f]{8,24}$/).filter((s) => /\d/.test(s) && /[a-f]/.test(s)),
  fc.string({ maxLength: 20 }).filter((s) => !/["\n]/.test(s)).map((s) => `"${s}"`),
);

/** Message templates: constant text with holes for variable parts. */
const templates = [
  (v: string[]) => `Tool enrich_company timed out after ${v[0]} (run ${v[1]})`,
  (v: string[]) => `Missing required column ${v[0]} in upload ${v[1]} (found: ${v[2]})`,
  (v: string[]) => `Request to ${v[0]} failed for ${v[1]} after ${v[2]}`,
  (v: string[]) => `Invoice ${v[0]} could not be sent to ${v[1]}`,
];

function ex(message: string, line: number, type = "AppError"): SessionException {
  return {
    eventId: "e",
    type,
    message,
    route: "/app/x",
    frames: [
      { file: `webpack:///./src/billing/send.ts`, function: "sendInvoice", line, inApp: true },
      { file: "node_modules/lib/index.js", function: "call", line: 1, inApp: false },
    ],
  } as SessionException;
}

describe("failure fingerprints", () => {
  it("one failure with different ids, numbers, emails, urls, durations and quoted values has one fingerprint", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: templates.length - 1 }), fc.array(variable, { minLength: 3, maxLength: 3 }), fc.array(variable, { minLength: 3, maxLength: 3 }), (t, a, b) => {
        const template = templates[t]!;
        const bare = (m: string): SessionException => ({ ...ex(m, 1), frames: [] });
        expect(exceptionKey(bare(template(a))).fingerprint).toBe(exceptionKey(bare(template(b))).fingerprint);
        expect(normalizeMessage(template(a))).not.toMatch(/@|:\/\/|\d{3,}/);
      }),
      { numRuns: 300 },
    );
  });

  it("without in-app frames, the message decides: same failure one fingerprint, different failure another", () => {
    fc.assert(
      fc.property(fc.array(variable, { minLength: 3, maxLength: 3 }), fc.array(variable, { minLength: 3, maxLength: 3 }), (a, b) => {
        const bare = (m: string): SessionException => ({ ...ex(m, 1), frames: [] });
        const first = templates[0]!;
        const other = templates[3]!;
        expect(exceptionKey(bare(first(a))).fingerprint).toBe(exceptionKey(bare(first(b))).fingerprint);
        expect(exceptionKey(bare(first(a))).fingerprint).not.toBe(exceptionKey(bare(other(b))).fingerprint);
      }),
      { numRuns: 200 },
    );
  });

  it("in-app frames decide before the message; lines (which move between releases) do not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.string(), (l1, l2, msg) => {
        expect(exceptionKey(ex(`x ${msg}`, l1)).fingerprint).toBe(exceptionKey(ex("other words entirely", l2)).fingerprint);
      }),
    );
    expect(exceptionKey(ex("m", 1, "TypeError")).fingerprint).not.toBe(exceptionKey(ex("m", 1, "RangeError")).fingerprint);
  });

  it("reads a URL holding an \"@\" as one URL, not as text around an email", () => {
    // fast-check seed -770190748 found it: "http://a.aa/@a.a" was "http:<email>" in one session and "<url>" in the next.
    expect(normalizeMessage("Request to http://a.aa/@a.a failed")).toBe("Request to <url> failed");
    expect(normalizeMessage("fetch https://user:pw@host.io/x failed for a@b.io")).toBe("fetch <url> failed for <email>");
  });

  it("keeps an HTTP status as meaning, not as a number", () => {
    expect(normalizeMessage("request failed with 403: missing scope")).toBe("request failed with 403: missing scope");
    expect(normalizeMessage("request failed with 403")).not.toBe(normalizeMessage("request failed with 500"));
  });

  it("agrees on a file whatever the bundler made of its path", () => {
    for (const f of ["webpack:///./src/a/b.ts", "/srv/app/src/a/b.ts", "src/a/b.ts", "./src/a/b.ts?v=3"]) expect(sourceTail(f)).toBe("src/a/b.ts");
  });

  it("searches the code for the constant parts of a message, longest first", () => {
    expect(constantParts('Tool enrich_company timed out after 5000ms (run tr_8f3a)')).toEqual(["Tool enrich_company timed out after"]);
    expect(constantParts('Missing required column "email" in upload up_19 (found: "a")')[0]).toBe("Missing required column");
  });
});

describe("a failure's title", () => {
  const ex = (message: string): SessionException => ({
    type: "TypeError",
    message,
    route: "/app/x",
    frames: [{ file: "src/api/save.ts", function: "save", line: 12, inApp: true }],
  } as SessionException);

  it("keeps a quoted name from code, which says what was missing; grouping still ignores it", () => {
    const a = exceptionKey(ex("Cannot read properties of undefined (reading 'config')"));
    const b = exceptionKey(ex("Cannot read properties of undefined (reading 'steps')"));
    expect(a.title).toBe("TypeError: Cannot read properties of undefined (reading 'config') in save (src/api/save.ts:12)");
    expect(a.signal).toBe("TypeError: Cannot read properties of undefined (reading <quoted>)");
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it("masks a quoted value that is not a name from code", () => {
    expect(exceptionKey(ex(`No workspace named "Acme Corp 2" for 42 users`)).title).toBe("TypeError: No workspace named <quoted> for <n> users in save (src/api/save.ts:12)");
  });
});
