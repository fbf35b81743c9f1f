import type { PostHogRecord } from "./events.js";
import { weekRange } from "../runtime/week.js";

/**
 * Secrets and personal data, one of each kind that leaks from real sessions: personal data (emails plain
 * and URL-encoded, phones, cards, IBANs, IPs), the key and token shapes of the common providers, a JWT,
 * an OAuth code and a password in a URL. None of them may reach a model, a report, a ticket, a PR, a
 * page or a log.
 */
export const PLANTED = {
  email: "planted.person@example.com",
  emailEncoded: "planted.person%40example.com",
  phone: "+1 415 555 0100",
  phoneNational: "(415) 555-0199",
  card: "4242 4242 4242 4242",
  cardDigits: "5555555555554444",
  iban: "DE89370400440532013000",
  ibanGrouped: "GB82 WEST 1234 5698 7654 32",
  ip: "203.0.113.9",
  ipv6: "2001:db8:85a3::8a2e:370:7334",
  stripeKey: "sk_live_PLANTEDkey1234567890abcdEF",
  openaiKey: "sk-proj-PLANTa1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV",
  githubToken: "ghp_PLANT1234567890abcdefghijklmnopqrstuv",
  githubPat: "github_pat_11PLANT0000_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF",
  slackToken: "xoxb-1234567890-0987654321-PLANTabcdefghijklmnop",
  awsKey: "AKIAPLANT1234567890Q",
  googleKey: "AIzaSyPLANT_0123456789abcdefghijklmnopq",
  linearKey: "lin_api_PLANT1234567890abcdefghijklmnopqrstuvwxyz",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQTEFOVCJ9.PLANTsignature_abc123def456",
  oauthCode: "PLANTEDcode9x8y7z6w5v4u3tQ",
  urlPassword: "PLANTpassw0rd",
} as const;

export type PlantedKind = keyof typeof PLANTED;

/** Every planted string, for "did it leak" checks. */
export const PLANTED_STRINGS: readonly string[] = Object.values(PLANTED);

/** Each planted string as it stands in a URL, where encoding hides it from a plain-text check. */
export const PLANTED_ENCODED: readonly string[] = PLANTED_STRINGS.map(encodeURIComponent).filter((s) => !PLANTED_STRINGS.includes(s));

/** Every kind in the context it leaks in: a sentence a person or an error could write. */
export const PLANTED_TEXT = [
  `mail ${PLANTED.email} or ${PLANTED.emailEncoded}`,
  `call ${PLANTED.phone} or ${PLANTED.phoneNational}`,
  `card ${PLANTED.card}, card ${PLANTED.cardDigits}, IBAN ${PLANTED.iban}, IBAN ${PLANTED.ibanGrouped}`,
  `from ${PLANTED.ip} and ${PLANTED.ipv6}`,
  `keys ${PLANTED.stripeKey} ${PLANTED.openaiKey} ${PLANTED.githubToken} ${PLANTED.githubPat} ${PLANTED.slackToken} ${PLANTED.awsKey} ${PLANTED.googleKey} ${PLANTED.linearKey}`,
  `Authorization: Bearer ${PLANTED.jwt}`,
  `https://app.acme.dev/oauth/callback?code=${PLANTED.oauthCode}&state=acme-1f2e3d4c`,
  `https://admin:${PLANTED.urlPassword}@db.acme.dev/x`,
].join("; ");

/** The user-controlled fields of an event that the corpus is planted in, each carrying every kind. */
export const PLANTED_FIELDS = [
  "page URL query",
  "page URL path",
  "referrer",
  "page title",
  "element text",
  "element chain",
  "search query property",
  "exception message",
  "person properties",
] as const;

/**
 * `count` sessions in `week` (Tuesday morning), each carrying the whole corpus in every field of
 * `PLANTED_FIELDS`, all throwing the same exception at src/import/csv.ts:78 (so that the PM groups them
 * into one pattern and tickets it, and Skynet can work on it).
 */
export function plantedSessions(week: string, count: number): PostHogRecord[] {
  const start = weekRange(week).start.getTime() + 86_400_000 + 9 * 3_600_000;
  const encoded = encodeURIComponent(PLANTED_TEXT);
  const records: PostHogRecord[] = [];
  for (let s = 0; s < count; s++) {
    const session = `planted-session-${String(s).padStart(3, "0")}`;
    const t0 = start + s * 600_000;
    const person = { email: PLANTED.email, name: "Planted Person", note: PLANTED_TEXT };
    const rec = (n: number, event: string, offsetSec: number, url: string, extra: Record<string, unknown> = {}): PostHogRecord => ({
      uuid: `00000000-0000-4000-8000-${String(s * 100 + n).padStart(12, "0")}`,
      event,
      distinct_id: `planted-user-${s}`,
      timestamp: new Date(t0 + offsetSec * 1000).toISOString(),
      properties: {
        $session_id: session,
        $current_url: `https://app.acme.dev${url}`,
        $pathname: url.split("?")[0],
        $ip: PLANTED.ip,
        $referrer: `https://mail.example.net/read?msg=${encoded}`,
        $title: `Acme: ${PLANTED_TEXT}`,
        $set: person,
        ...extra,
      },
      person_properties: person,
    });
    records.push(
      rec(1, "$pageview", 0, `/app/workflows?token=${PLANTED.stripeKey}&q=${encoded}`),
      rec(2, "$pageview", 20, `/signup?email=${PLANTED.emailEncoded}`),
      rec(3, "$pageview", 40, `/app/contacts/${encoded}`),
      rec(4, "search", 60, `/help?q=${encoded}`, { query: PLANTED_TEXT }),
      rec(5, "$autocapture", 70, "/help", {
        $event_type: "click",
        $el_text: `Call ${PLANTED_TEXT}`,
        $elements_chain: `button.cta:text="${PLANTED_TEXT.replace(/"/g, "'")}"nth-child="1";a:href="/help?q=${encoded}"`,
      }),
      rec(6, "$exception", 80, "/app/import", {
        $exception_list: [
          {
            type: "ImportError",
            value: `Import failed: ${PLANTED_TEXT}`,
            stacktrace: { frames: [{ filename: "src/import/csv.ts", function: "importContacts", lineno: 78, in_app: true }] },
          },
        ],
      }),
      rec(7, "$rageclick", 82, "/app/import", { $el_text: "Import" }),
      rec(8, "$pageleave", 100, "/app/import"),
    );
  }
  return records;
}
