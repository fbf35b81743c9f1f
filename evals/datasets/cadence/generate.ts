// Cadence, a consumer running app (iOS/Android): a week of its PostHog export ($screen events from
// posthog-react-native) and of its Segment S3 files (the website's analytics.js and the API server).
import { join } from "node:path";
import { deriveSeed, fmix32, hex8, Rng } from "../../../demo/simulator/prng.js";
import { locateAll } from "../_kit/frames.js";
import { jsonLines, writeExport } from "../_kit/io.js";
import { personAt, personIdOf } from "../_kit/people.js";
import { PostHogSession, type PostHogRow, type Visitor } from "../_kit/posthog.js";
import { Scene, sessionOrder, type Planned, type SessionNoise } from "../_kit/scene.js";
import { SegmentVisit, serverTrack, type SegmentMessage } from "../_kit/segment.js";
import { writeTruth, type Truth, type TruthSession } from "../_kit/truth.js";
import { sessionStart } from "../_kit/week.js";
import * as app from "./app.js";
import * as trouble from "./appTrouble.js";
import { bugLocation, MOBILE_NOISE, mobileNoise, REPO, type MobileNoiseId } from "./stacks.js";
import { arrival, VISITS } from "./web.js";

const SEED = 0xcade;
const WEEK_START = Date.parse("2026-11-16T00:00:00Z");
export const APP_EXPORT = "posthog-events-2026-11-16_2026-11-23.jsonl";
export const SEGMENT_EXPORT = "segment-s3-cadence-2026-11-16.jsonl.gz";

type Os = "iOS" | "Android";
interface Item extends Planned {
  os?: Os;
}

function plan(server: trouble.ServerSink): Item[] {
  return [
    { count: 90, run: app.dailyRun },
    { count: 40, run: app.quickLog },
    { count: 30, run: app.onboarding },
    { count: 15, run: app.subscribe },
    { count: 15, run: app.connectWatch },
    { count: 15, run: app.engaged },
    { count: 8, run: app.helpFound },
    { count: 20, run: app.appBounce },
    { count: 6, run: app.restoreOnIos, os: "iOS" },
    { count: 4, run: trouble.garminLinkRetried(server) },
    { count: 2, run: trouble.stalePlanWeek(true) },
    { count: 31, run: trouble.shortRunCrash },
    { count: 14, run: trouble.garminLinkFails(server) },
    { count: 10, run: trouble.restoreFailsOnAndroid, os: "Android" },
    { count: 5, run: trouble.stalePlanWeek(false) },
    { count: 33, run: trouble.wantsStrava },
    { count: 12, run: trouble.wantsOfflineMaps },
    { count: 4, run: trouble.wantsVoiceLanguage },
  ];
}

const DEVICES: Record<Os, Record<string, unknown>[]> = {
  iOS: [
    { $device_manufacturer: "Apple", $device_model: "iPhone15,3", $device_name: "iPhone", $os_name: "iOS", $os_version: "18.1", $screen_width: 430, $screen_height: 932 },
    { $device_manufacturer: "Apple", $device_model: "iPhone14,7", $device_name: "iPhone", $os_name: "iOS", $os_version: "17.6.1", $screen_width: 390, $screen_height: 844 },
  ],
  Android: [
    { $device_manufacturer: "Google", $device_model: "Pixel 8", $device_name: "shiba", $os_name: "Android", $os_version: "14", $screen_width: 412, $screen_height: 915 },
    { $device_manufacturer: "samsung", $device_model: "SM-S921B", $device_name: "e1s", $os_name: "Android", $os_version: "14", $screen_width: 384, $screen_height: 832 },
  ],
};

/** User `index` of the app: the same person, phone and settings in each of their sessions. */
function appVisitor(index: number, os: Os): Visitor {
  const rng = new Rng(deriveSeed(SEED ^ 0x77, index));
  const person = personAt(rng, rng.pick(["gmail.com", "icloud.com", "outlook.com", "proton.me"]));
  const distinctId = `acc_${hex8(fmix32(index ^ SEED)).slice(0, 7)}`;
  const device = rng.pick(DEVICES[os]);
  return {
    distinctId,
    personId: personIdOf(distinctId),
    person: { email: person.email, name: person.first, plan: rng.pick(["free", "free", "premium"]), $os: os },
    context: {
      $lib: "posthog-react-native",
      $lib_version: "4.4.2",
      $app_name: "Cadence",
      $app_version: "2.8.1",
      $app_build: "412",
      $app_namespace: "run.cadence.app",
      $device_type: "Mobile",
      $os: os,
      ...device,
      $locale: rng.pick(["en-US", "en-GB", "de-DE", "es-ES"]),
      $timezone: rng.pick(["America/New_York", "Europe/London", "Europe/Berlin", "America/Los_Angeles"]),
      $is_emulator: false,
    },
    referrer: "$direct",
  };
}

function noiseFor(rng: Rng, session: PostHogSession): SessionNoise | null {
  if (!rng.chance(0.12)) return null;
  const id: MobileNoiseId = rng.chance(0.6) ? "rn-network-request-failed" : "sdk-attribution";
  return { id, atLeave: id === "rn-network-request-failed", emit: () => session.exception(mobileNoise(id)) };
}

/** Offline runs: the SDK queues events and flushes them hours later, so PostHog ingests them late. */
function flushLate(rows: PostHogRow[], delayMs: number): void {
  const shift = (iso: string): string => new Date(Date.parse(iso) + delayMs).toISOString().replace("Z", "000+00:00");
  for (const row of rows) {
    row.created_at = shift(row.created_at);
    row._inserted_at = shift(row._inserted_at);
  }
}

export async function generate(outDir: string): Promise<void> {
  const segment: SegmentMessage[] = [];
  const serverRng = new Rng(SEED ^ 0x5e);
  const server: trouble.ServerSink = (userId, event, properties, at) => segment.push(serverTrack(serverRng, userId, event, properties, at));
  const order = sessionOrder(new Rng(SEED), plan(server));
  const byTime = order.map((item, key) => ({ item, key, start: sessionStart(new Rng(deriveSeed(SEED, key)), WEEK_START, "consumer") })).sort((a, b) => a.start - b.start || a.key - b.key);
  const rows: PostHogRow[] = [];
  const sessions: TruthSession[] = [];
  byTime.forEach(({ item, key, start }, i) => {
    const rng = new Rng(deriveSeed(SEED ^ 0xa99, key));
    const os: Os = item.os ?? (rng.chance(0.55) ? "iOS" : "Android");
    const session = new PostHogSession(rng, appVisitor((i % 260) * 2 + (os === "iOS" ? 0 : 1), os), start, null, key + 1);
    sessions.push(item.run(new Scene(rng, session, noiseFor(rng, session))));
    if (rng.chance(0.1)) flushLate(session.rows, rng.int(2, 9) * 3_600_000);
    rows.push(...session.rows);
  });
  VISITS.forEach((visit, v) => {
    for (let n = 0; n < visit.count; n++) {
      const rng = new Rng(deriveSeed(SEED ^ 0x3eb, v * 1000 + n));
      const from = arrival(rng, visit.arrival);
      const page = new SegmentVisit(rng, "https://cadence.run", sessionStart(rng, WEEK_START, "consumer"), from.referrer, from.campaign);
      const label = visit.run(page);
      sessions.push({ anchor: page.anchor, ...label, noise: [] });
      segment.push(...page.messages);
    }
  });
  renewals(segment);
  rows.sort((a, b) => a._inserted_at.localeCompare(b._inserted_at) || a.uuid.localeCompare(b.uuid));
  segment.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.messageId.localeCompare(b.messageId));
  writeExport(join(outDir, APP_EXPORT), jsonLines(rows));
  writeExport(join(outDir, SEGMENT_EXPORT), jsonLines(segment));
  writeTruth(outDir, truth(sessions));
}

/** App Store and Google Play server notifications for subscribers who did not open the app this week. */
function renewals(segment: SegmentMessage[]): void {
  const rng = new Rng(SEED ^ 0x4e4);
  for (let i = 0; i < 40; i++) {
    const userId = `acc_${hex8(fmix32((5000 + i) ^ SEED)).slice(0, 7)}`;
    const at = WEEK_START + rng.int(0, 7 * 86_400_000 - 1);
    const failed = rng.chance(0.2);
    segment.push(serverTrack(rng, userId, failed ? "payment_failed" : "subscription_renewed", failed ? { store: rng.pick(["app_store", "google_play"]), reason: "billing_retry", plan: "annual" } : { store: rng.pick(["app_store", "google_play"]), plan: rng.pick(["annual", "monthly"]) }, at));
  }
}

function truth(sessions: TruthSession[]): Truth {
  const [restore, garmin] = locateAll(REPO, [
    { file: "src/subscriptions/restore.js", fn: "activeEntitlement", at: "PLANS[p.productId]" },
    { file: "server/garmin/token.js", fn: "accessTokenRequest", at: "?oauth_verifier=${verifier}" },
  ]);
  if (!restore || !garmin) throw new Error("cadence repo: a bug's line is gone");
  return {
    sessions,
    bugs: [
      { id: "short-run-summary-crash", title: "Saving a treadmill run or a run under 1 km crashes the summary (reduce of an empty split list) and the run is lost", ...bugLocation("short-run-summary-crash") },
      { id: "garmin-verifier-unencoded", title: "Linking Garmin fails with 502 when the OAuth verifier contains '+': it is sent unencoded", file: garmin.file, line: garmin.line },
      { id: "play-restore-product-ids", title: "Restore purchases finds nothing on Android: Google Play product ids are missing from the plan table", file: restore.file, line: restore.line },
      { id: "stale-plan-week-link", title: "A weekly push opens a plan week that no longer exists after the plan was regenerated, and the screen crashes", ...bugLocation("stale-plan-week-link") },
    ],
    improvements: [
      { id: "strava-sync", wants: "runs synced or exported to Strava", keywords: ["strava", "sync", "export", "gpx"] },
      { id: "offline-maps", wants: "route maps that work offline", keywords: ["offline", "download", "map", "signal"] },
      { id: "coach-voice-languages", wants: "the audio coach in other languages", keywords: ["voice", "language", "spanish", "german", "audio cues"] },
    ],
    noise: Object.values(MOBILE_NOISE),
  };
}
