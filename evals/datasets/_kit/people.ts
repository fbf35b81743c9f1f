// Visitors: stable ids, a person, and the per-event properties their SDK sends.
import { fmix32, hex8, type Rng } from "../../../demo/simulator/prng.js";
import { randomDevice } from "../../../demo/simulator/people.js";
import type { Visitor } from "./posthog.js";

const FIRST = ["maya", "noah", "lena", "omar", "ines", "theo", "priya", "jonas", "amara", "kenji", "sofia", "malik", "elin", "diego", "hana", "yusuf"];
const LAST = ["okafor", "lindqvist", "moreau", "tanaka", "haddad", "novak", "reyes", "schmidt", "kowalski", "mensah", "ferreira", "ivanova", "brennan", "sato", "weiss", "oduya"];

export interface Person {
  first: string;
  last: string;
  name: string;
  email: string;
}

export function personAt(rng: Rng, domain: string): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const cap = (s: string): string => `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
  return { first, last, name: `${cap(first)} ${cap(last)}`, email: `${first}.${last}@${domain}` };
}

/** A PostHog person id (UUID shaped) derived from the distinct id. */
export function personIdOf(distinctId: string): string {
  let h = 0x811c9dc5;
  for (const ch of distinctId) h = fmix32(h ^ ch.charCodeAt(0));
  const a = hex8(h);
  const b = hex8(fmix32(h ^ 0x9e3779b9));
  const c = hex8(fmix32(h ^ 0x7f4a7c15));
  const d = hex8(fmix32(h ^ 0x94d049bb));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** A browser visitor of a web product instrumented with posthog-js. */
export function webVisitor(rng: Rng, opts: { distinctId: string; person: Record<string, unknown>; referrer?: string; utm?: Record<string, string> }): Visitor {
  const device = randomDevice(rng);
  return {
    distinctId: opts.distinctId,
    personId: personIdOf(opts.distinctId),
    person: opts.person,
    context: {
      ...device,
      $lib: "web",
      $lib_version: "1.261.0",
      $browser_language: rng.pick(["en-US", "en-US", "en-GB", "de-DE", "fr-FR"]),
      $timezone: rng.pick(["America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Europe/Paris"]),
      $viewport_width: device.$screen_width,
      $viewport_height: device.$screen_height - 120,
      $is_identified: opts.person["email"] !== undefined,
    },
    referrer: opts.referrer ?? "$direct",
    ...(opts.utm ? { utm: opts.utm } : {}),
  };
}

/** An anonymous visitor's distinct id as posthog-js makes it (a UUIDv7-like string). */
export function anonymousId(rng: Rng): string {
  return `0193${rng.hex(4)}-${rng.hex(4)}-7${rng.hex(3)}-${"89ab"[rng.int(0, 3)] ?? "8"}${rng.hex(3)}-${rng.hex(12)}`;
}
