import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isSensitiveProperty, luhnValid, redactReport, redactText } from "./redact.js";
import { PLANTED, PLANTED_ENCODED, PLANTED_STRINGS, PLANTED_TEXT } from "../../testing/plantedSecrets.js";

/** A card number that passes Luhn: 15 random digits and the check digit that completes them. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error("unreachable");
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
const card = fc.tuple(fc.constantFrom("4", "5", "37"), digits(13)).map(([p, rest]) => withCheckDigit(`${p}${rest}`.slice(0, 15)));
const word = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
const email = fc.tuple(word, word, fc.constantFrom("com", "io", "co.uk")).map(([u, d, tld]) => `${u}@${d}.${tld}`);
const liveKey = fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => `sk_live_${s}`);
/** Ordinary text around a secret: words, numbers and punctuation, never glued to the secret. */
const filler = fc.array(fc.oneof(word, fc.constantFrom("failed", "with", "403:", "/app/import", "(portal", "12345)", "—", "at", "10:00:00")), { maxLength: 8 }).map((w) => w.join(" "));

describe("redactText", () => {
  it.each([
    ["mail ada.lovelace42@example.com now", "mail [email] now"],
    ["https://app.acme.dev/signup?email=reader123%40example.com&plan=team", "https://app.acme.dev/signup?email=[redacted]&plan=team"],
    ["/app/workflows?token=sk_live_AbCdEf1234567890GhIjKlMn", "/app/workflows?token=[redacted]"],
    ["/app/integrations/hubspot/callback?code=x8Hk2LmQ9pRt4VwZ1aB3cD5e&state=acme-1f2e3d4c", "/app/integrations/hubspot/callback?code=[redacted]&state=[redacted]"],
    ["key sk_live_AbCdEf1234567890GhIjKlMn leaked", "key [key] leaked"],
    ["Authorization: Bearer abcdefghijklmnop123456", "Authorization: Bearer [key]"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt [key]"],
    ["aws AKIAIOSFODNN7EXAMPLE", "aws [key]"],
    ["card 4111 1111 1111 1111 declined", "card [card] declined"],
    ["card 4111-1111-1111-1111", "card [card]"],
    ["pay to DE89370400440532013000 today", "pay to [iban] today"],
    ["IBAN GB82 WEST 1234 5698 7654 32.", "IBAN [iban]."],
    ["call +44 20 7946 0958 or (415) 555-0100", "call [phone] or [phone]"],
    ["from 192.168.10.254 and 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "from [ip] and [ip]"],
    ["https://bob:hunter2@db.internal/x", "https://[redacted]@db.internal/x"],
    ["password=hunter2 in config", "password=[key] in config"],
  ])("redacts %s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    "HubSpot request GET /crm/v3/objects/companies failed with 403: missing scope crm.objects.companies.read (portal 48213)",
    "Tool enrich_company timed out after 5000ms (run tr_8f3a91b2c4d5)",
    "event 0192f3a1-1234-5678-9012-345678901234 at 2026-11-17T10:00:00.000Z",
    "/app/workflows/:id/edit version 1.236.1",
    "card 4111 1111 1111 1112 fails Luhn, so it stays",
    "code DE89370400440532013001 fails the IBAN check, so it stays",
  ])("leaves ordinary text alone: %s", (text) => {
    expect(redactText(text)).toBe(text);
  });

  it("never lets a planted email, card number or live key through, whatever surrounds it", () => {
    fc.assert(
      fc.property(filler, fc.oneof(email, card, liveKey), filler, (before, secret, after) => {
        const out = redactText(`${before} ${secret} ${after}`);
        expect(out).not.toContain(secret);
      }),
      { numRuns: 400 },
    );
  });

  it("redacts a credential parameter whole even when its value holds an escape that decodes to a URL's end", () => {
    expect(redactText("https://x.test/cb?a=1&token=abcdef%3CA#f")).toBe("https://x.test/cb?a=1&token=[redacted]#f");
  });

  it("redacts secrets in any query parameter named like a credential", () => {
    fc.assert(
      fc.property(fc.constantFrom("token", "access_token", "api_key", "code", "secret", "email", "password"), fc.stringMatching(/^[A-Za-z0-9_.%-]{6,30}$/), (name, value) => {
        const out = redactText(`https://x.test/cb?a=1&${name}=${value}#f`);
        expect(out).toBe(`https://x.test/cb?a=1&${name}=[redacted]#f`);
      }),
    );
  });

  it.each([
    ["plain", PLANTED_TEXT],
    ["URL-encoded in a query", `https://app.acme.dev/help?q=${encodeURIComponent(PLANTED_TEXT)}`],
    ["URL-encoded twice", `/next?url=${encodeURIComponent(`https://x.test/?q=${encodeURIComponent(PLANTED_TEXT)}`)}`],
  ])("lets no kind of the planted corpus through, %s, even once the result is decoded", (_how, text) => {
    const out = redactText(text);
    const decoded = decodeURIComponent(out);
    for (const secret of [...PLANTED_STRINGS, ...PLANTED_ENCODED]) expect(`${out}\n${decoded}`, secret).not.toContain(secret);
    expect(out).toContain("[card]");
    expect(redactText(out)).toBe(out);
  });

  it("decodes a percent-escaped card number before looking for it", () => {
    expect(redactText(`/pay?note=${encodeURIComponent(PLANTED.card)}`)).toBe("/pay?note=[card]");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), fc.oneof(email, card, liveKey), (text, secret) => {
      const once = redactText(`${text} ${secret}`);
      expect(redactText(once)).toBe(once);
    }));
  });
});

describe("redactReport and sensitive properties", () => {
  it("redacts a report's texts but keeps its ids", () => {
    const report = redactReport({
      sessionId: "0192f3a1-1234-5678-9012-345678901234",
      userIntent: "Sign up as ada@example.com",
      userSuccess: "hit 4111 1111 1111 1111",
      improvement: "",
      department: "sales",
      evidence: ["0192f3a1-1234-5678-9012-345678901234"],
    });
    expect(report).toEqual({
      sessionId: "0192f3a1-1234-5678-9012-345678901234",
      userIntent: "Sign up as [email]",
      userSuccess: "hit [card]",
      improvement: "",
      department: "sales",
      evidence: ["0192f3a1-1234-5678-9012-345678901234"],
    });
  });

  it("treats profile-named and well-known personal properties as sensitive", () => {
    expect(isSensitiveProperty("company_domain", ["company_domain"])).toBe(true);
    expect(isSensitiveProperty("$ip", [])).toBe(true);
    expect(isSensitiveProperty("email", [])).toBe(true);
    expect(isSensitiveProperty("workflow_id", [])).toBe(false);
  });
});
