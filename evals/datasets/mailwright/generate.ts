// Mailwright, a developer API dashboard (transactional email): a week of its Amplitude Export API zip
// (Browser SDK 2 autocapture, failed network requests, custom events, errors as "Frontend Error"), and the truth.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deriveSeed, fmix32, hex8, Rng } from "../../../demo/simulator/prng.js";
import { AmplitudeSession, amplitudeIdOf, amplitudeZip, type AmplitudeRow, type AmplitudeUser } from "../_kit/amplitude.js";
import { lineContaining, locateAll } from "../_kit/frames.js";
import { Scene, sessionOrder, type SessionNoise } from "../_kit/scene.js";
import { writeTruth, type Truth, type TruthSession } from "../_kit/truth.js";
import { sessionStart } from "../_kit/week.js";
import { AMPLITUDE_NOISE, noiseError, ORIGIN, REPO, templateBugLocation, type AmplitudeNoiseId } from "./errors.js";
import * as ok from "./sessions.js";
import * as trouble from "./trouble.js";

const SEED = 0x3a11;
const APP_ID = 418_227;
const WEEK_START = Date.parse("2026-10-26T00:00:00Z");
export const EXPORT_FILE = "amplitude-export-20261026T00-20261101T23.zip";

type Arrival = "developer" | "organic" | "ad" | "wrong-ad";
interface Item {
  count: number;
  run: ok.AScenario;
  arrival: Arrival;
}

const PLAN: Item[] = [
  { count: 40, run: ok.createKey, arrival: "developer" },
  { count: 35, run: ok.quickTestEmail, arrival: "developer" },
  { count: 25, run: ok.verifyDomain, arrival: "developer" },
  { count: 30, run: ok.publishTemplate, arrival: "developer" },
  { count: 20, run: ok.createWebhook, arrival: "developer" },
  { count: 30, run: ok.logsLookup, arrival: "developer" },
  { count: 10, run: ok.upgrade, arrival: "developer" },
  { count: 25, run: ok.docsReader, arrival: "organic" },
  { count: 10, run: ok.engaged, arrival: "developer" },
  { count: 10, run: ok.idleTail, arrival: "developer" },
  { count: 4, run: trouble.templateCrashRecovered, arrival: "developer" },
  { count: 8, run: ok.helpFound, arrival: "developer" },
  { count: 25, run: ok.bounce, arrival: "organic" },
  { count: 15, run: ok.adVisitorLeft, arrival: "ad" },
  { count: 12, run: ok.wrongProduct, arrival: "wrong-ad" },
  { count: 19, run: trouble.spfSplitRecord, arrival: "developer" },
  { count: 8, run: trouble.webhookPortRefused, arrival: "developer" },
  { count: 6, run: trouble.templatePreviewCrash, arrival: "developer" },
  { count: 3, run: trouble.usageTimeZone, arrival: "developer" },
  { count: 16, run: trouble.wantsInbound, arrival: "developer" },
  { count: 6, run: trouble.wantsTerraform, arrival: "developer" },
  { count: 2, run: trouble.wantsSms, arrival: "developer" },
];

const BROWSERS = [
  { os_name: "Chrome", os_version: "131", device_type: "Mac", device_family: "Mac OS X" },
  { os_name: "Chrome", os_version: "130", device_type: "Windows", device_family: "Windows" },
  { os_name: "Firefox", os_version: "132", device_type: "Linux", device_family: "Linux" },
  { os_name: "Safari", os_version: "18.1", device_type: "Mac", device_family: "Mac OS X" },
];
const PLACES = [
  { country: "United States", region: "California", city: "San Francisco", language: "English" },
  { country: "Germany", region: "Berlin", city: "Berlin", language: "German" },
  { country: "India", region: "Karnataka", city: "Bengaluru", language: "English" },
  { country: "United Kingdom", region: "England", city: "London", language: "English" },
];

const uuid = (rng: Rng): string => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;

function userFor(rng: Rng, arrival: Arrival, index: number): AmplitudeUser {
  const device = { ...rng.pick(BROWSERS), ...rng.pick(PLACES) };
  if (arrival === "developer") {
    const urng = new Rng(deriveSeed(SEED ^ 0xdef, index));
    return {
      userId: `acct_${hex8(fmix32(index ^ SEED))}`,
      deviceId: uuid(urng),
      amplitudeId: amplitudeIdOf(index),
      userProperties: { plan: urng.pick(["free", "pro", "pro", "scale"]), org_size: urng.pick(["1-10", "11-50", "51-200"]), sdk: urng.pick(["node", "python", "go", "ruby"]) },
      device,
    };
  }
  const base = { userId: null, deviceId: uuid(rng), amplitudeId: amplitudeIdOf(0x10000 + index), device };
  if (arrival === "organic") return { ...base, userProperties: { referrer: "https://www.google.com/", referring_domain: "www.google.com" } };
  const term = arrival === "ad" ? rng.pick(["transactional email api", "email api for developers", "smtp relay service"]) : rng.pick(["newsletter templates drag and drop", "mailchimp alternative newsletter", "email marketing campaigns small business"]);
  const utm = { utm_source: "google", utm_medium: "cpc", utm_campaign: arrival === "ad" ? "transactional-email-api" : "brand-broad", utm_term: term };
  return {
    ...base,
    userProperties: { ...utm, initial_utm_source: "google", initial_utm_medium: "cpc", initial_utm_campaign: utm.utm_campaign, initial_utm_term: term, referrer: "https://www.google.com/", referring_domain: "www.google.com" },
    landingQuery: new URLSearchParams(utm).toString(),
  };
}

function noiseFor(rng: Rng, session: AmplitudeSession): SessionNoise | null {
  if (!rng.chance(0.15)) return null;
  const id = rng.pick<AmplitudeNoiseId>(["ext-password-manager", "resize-observer", "script-error", "aborted-fetch"]);
  return { id, atLeave: id === "aborted-fetch", emit: () => session.track("Frontend Error", noiseError(rng, id)) };
}

export async function generate(outDir: string): Promise<void> {
  const order = sessionOrder(new Rng(SEED), PLAN);
  const byTime = order.map((item, key) => ({ item, key, start: sessionStart(new Rng(deriveSeed(SEED, key)), WEEK_START, "work") })).sort((a, b) => a.start - b.start || a.key - b.key);
  const rows: AmplitudeRow[] = [];
  const sessions: TruthSession[] = [];
  let developers = 0;
  for (const { item, key, start } of byTime) {
    const rng = new Rng(deriveSeed(SEED ^ 0x5e55, key));
    const user = userFor(rng, item.arrival, item.arrival === "developer" ? developers++ % 200 : key);
    const session = new AmplitudeSession(rng, user, start, item.arrival === "developer" ? ORIGIN : "https://mailwright.dev", APP_ID);
    sessions.push(item.run(new Scene(rng, session, item.arrival === "developer" ? noiseFor(rng, session) : null)));
    rows.push(...session.rows);
  }
  writeFileSync(join(outDir, EXPORT_FILE), amplitudeZip(APP_ID, rows));
  writeTruth(outDir, truth(sessions));
}

function truth(sessions: TruthSession[]): Truth {
  const [spf, tz] = locateAll(REPO, [
    { file: "server/domains/verify.js", fn: "spfIncludes", at: 'chunks.join(" ")' },
    { file: "src/client/usage.js", fn: "loadUsage", at: "tz=${timeZone}" },
  ]);
  if (!spf || !tz) throw new Error("mailwright repo: a bug's line is gone");
  const port = lineContaining(REPO, "src/webhooks/validate.js", "const HTTPS_URL =");
  return {
    sessions,
    bugs: [
      { id: "spf-chunks-joined-with-spaces", title: "Domain verification reports spf_missing for long SPF records: their 255-character strings are joined with spaces", file: spf.file, line: spf.line },
      { id: "webhook-url-port-refused", title: "Webhook URLs with a port (https://host:8443/...) are refused as not https", file: port.file, line: port.line },
      { id: "template-single-quoted-default", title: "The template preview crashes on defaults in single quotes ({{ name | default: 'there' }})", ...templateBugLocation() },
      { id: "usage-tz-unencoded", title: "The usage page gets a 500 for Etc/GMT+N time zones: tz is sent unencoded and '+' arrives as a space", file: tz.file, line: tz.line },
    ],
    improvements: [
      { id: "inbound-email", wants: "receiving and parsing inbound email (an inbound webhook)", keywords: ["inbound", "receive", "incoming", "parse"] },
      { id: "terraform-provider", wants: "a Terraform provider to manage API keys, domains and webhooks as code", keywords: ["terraform", "infrastructure as code"] },
      { id: "sms-channel", wants: "sending SMS through the same API", keywords: ["sms", "text message"] },
    ],
    noise: Object.values(AMPLITUDE_NOISE),
  };
}
