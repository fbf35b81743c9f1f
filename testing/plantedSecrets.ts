import type { PostHogRecord } from "./events.js";
import { weekRange } from "../runtime/week.js";

/**
 * Secrets and personal data planted in sessions, the way real ones leak: tokens and codes in URL query
 * strings, emails in sign-up links and site searches, a card number and key in an exception message,
 * a phone number in a button text, an IP property. None of them may reach a model, a report, a ticket
 * or the digest.
 */
export const PLANTED = {
  email: "planted.person@example.com",
  emailEncoded: "planted.person%40example.com",
  key: "sk_live_PLANTEDkey1234567890abcdEF",
  oauthCode: "PLANTEDcode9x8y7z6w5v4u3tQ",
  card: "4242 4242 4242 4242",
  cardDigits: "4242424242424242",
  phone: "+1 415 555 0100",
  ip: "203.0.113.9",
  openaiKey: "sk-proj-PLANTa1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV",
  githubToken: "ghp_PLANT1234567890abcdefghijklmnopqrstuv",
  slackToken: "xoxb-1234567890-0987654321-PLANTabcdefghijklmnop",
  awsKey: "AKIAPLANT1234567890Q",
  linearKey: "lin_api_PLANT1234567890abcdefghijklmnopqrstuvwxyz",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQTEFOVCJ9.PLANTsignature_abc123def456",
  urlPassword: "PLANTpassw0rd",
  iban: "DE89370400440532013000",
} as const;

/** Every planted string, for "did it leak" checks. */
export const PLANTED_STRINGS: readonly string[] = Object.values(PLANTED);

/**
 * `count` sessions in `week` (Tuesday morning), each carrying every planted string, all throwing the same
 * exception (so that the PM groups them into one pattern and tickets it).
 */
export function plantedSessions(week: string, count: number): PostHogRecord[] {
  const start = weekRange(week).start.getTime() + 86_400_000 + 9 * 3_600_000;
  const records: PostHogRecord[] = [];
  for (let s = 0; s < count; s++) {
    const session = `planted-session-${String(s).padStart(3, "0")}`;
    const t0 = start + s * 600_000;
    const rec = (n: number, event: string, offsetSec: number, url: string, extra: Record<string, unknown> = {}): PostHogRecord => ({
      uuid: `00000000-0000-4000-8000-${String(s * 100 + n).padStart(12, "0")}`,
      event,
      distinct_id: `planted-user-${s}`,
      timestamp: new Date(t0 + offsetSec * 1000).toISOString(),
      properties: { $session_id: session, $current_url: `https://app.acme.dev${url}`, $pathname: url.split("?")[0], $ip: PLANTED.ip, email: PLANTED.email, ...extra },
    });
    records.push(
      rec(1, "$pageview", 0, `/app/workflows?token=${PLANTED.key}`),
      rec(2, "$pageview", 20, `/signup?email=${PLANTED.emailEncoded}`),
      rec(3, "$pageview", 40, `/app/integrations/hubspot/callback?code=${PLANTED.oauthCode}&state=acme-1f2e3d4c`),
      rec(4, "$pageview", 60, `/help?q=${PLANTED.emailEncoded}`),
      rec(5, "$autocapture", 70, "/help", { $event_type: "click", $el_text: `Call ${PLANTED.phone}` }),
      rec(6, "$exception", 80, "/app/import", {
        $exception_list: [
          {
            type: "ImportError",
            value: `Import failed for ${PLANTED.email} with card ${PLANTED.card} and key ${PLANTED.key}; retry with ${PLANTED.openaiKey} ${PLANTED.githubToken} ${PLANTED.slackToken} ${PLANTED.awsKey} ${PLANTED.linearKey} bearer ${PLANTED.jwt} from https://admin:${PLANTED.urlPassword}@db.acme.dev/x paying ${PLANTED.iban}`,
            stacktrace: { frames: [{ filename: "src/import/csv.ts", function: "importRows", lineno: 40, in_app: true }] },
          },
        ],
      }),
      rec(7, "$rageclick", 82, "/app/import", { $el_text: "Import" }),
      rec(8, "$pageleave", 100, "/app/import"),
    );
  }
  return records;
}
