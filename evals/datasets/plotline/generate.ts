// Plotline, a B2B analytics tool (web): one week of its PostHog S3 batch export, and the truth.
import { join } from "node:path";
import { deriveSeed, hex8, fmix32, Rng } from "../../../demo/simulator/prng.js";
import { lineContaining, locateAll } from "../_kit/frames.js";
import { jsonLines, writeExport } from "../_kit/io.js";
import { pickWebNoise, WEB_NOISE } from "../_kit/noise.js";
import { anonymousId, personAt, webVisitor } from "../_kit/people.js";
import { PostHogSession, type PostHogRow, type Visitor } from "../_kit/posthog.js";
import { sessionOrder, webNoise, Scene, type Planned } from "../_kit/scene.js";
import { writeTruth, type Truth, type TruthSession } from "../_kit/truth.js";
import { sessionStart } from "../_kit/week.js";
import * as happy from "./happy.js";
import { abortedFetchFrames, bugLocation, ORIGIN, REPO } from "./stacks.js";
import * as trouble from "./trouble.js";

const SEED = 0x9107;
const WEEK_START = Date.parse("2026-11-09T00:00:00Z");
export const EXPORT_FILE = "posthog-batch-2026-11-09_2026-11-16.jsonl.gz";
const MARKETING = "https://plotline.io";

type Arrival = "user" | "organic" | "ad" | "wrong-ad";
interface Item extends Planned {
  arrival: Arrival;
}

const PLAN: Item[] = [
  { count: 70, run: happy.builder, arrival: "user" },
  { count: 40, run: happy.quickShare, arrival: "user" },
  { count: 25, run: happy.engaged, arrival: "user" },
  { count: 35, run: happy.viewer, arrival: "user" },
  { count: 15, run: happy.idleTab, arrival: "user" },
  { count: 18, run: happy.connectPostgres, arrival: "user" },
  { count: 15, run: happy.scheduleReport, arrival: "user" },
  { count: 10, run: happy.upgrade, arrival: "user" },
  { count: 15, run: happy.helpFound, arrival: "user" },
  { count: 6, run: happy.declinedThenPaid, arrival: "user" },
  { count: 5, run: trouble.chartFlatZeroRecovered, arrival: "user" },
  { count: 35, run: happy.bounce, arrival: "organic" },
  { count: 20, run: happy.adVisitorLeft, arrival: "ad" },
  { count: 15, run: happy.wrongProduct, arrival: "wrong-ad" },
  { count: 34, run: trouble.bigqueryExternalAccount, arrival: "user" },
  { count: 27, run: trouble.checkoutThreeDSecure, arrival: "user" },
  { count: 12, run: trouble.chartFlatZero, arrival: "user" },
  { count: 9, run: trouble.scheduleHalfHourZone, arrival: "user" },
  { count: 4, run: trouble.csvExportEmpty, arrival: "user" },
  { count: 28, run: trouble.wantsSlack, arrival: "user" },
  { count: 10, run: trouble.wantsFolders, arrival: "user" },
  { count: 3, run: trouble.wantsSheets, arrival: "user" },
];

const COMPANIES = ["northwind.io", "lumenpay.com", "fieldkit.dev", "orbitcrm.com", "tallyhq.co", "brightdesk.io", "quayside.app", "mosaiclabs.com", "ferncloud.io", "harborly.com"];
const USER_POOL = 240;

function user(index: number): { distinctId: string; person: Record<string, unknown>; referrer: string } {
  const rng = new Rng(deriveSeed(SEED ^ 0x51ed, index));
  const company = COMPANIES[index % COMPANIES.length] ?? "northwind.io";
  const person = personAt(rng, company);
  const distinctId = `usr_${hex8(fmix32(index + SEED)).slice(0, 7)}`;
  return {
    distinctId,
    person: { email: person.email, name: person.name, company: company.split(".")[0], plan: rng.pick(["trial", "team", "team", "business"]) },
    referrer: rng.pick(["$direct", "$direct", "$direct", "https://mail.google.com/", "https://app.slack.com/"]),
  };
}

function visitorFor(rng: Rng, arrival: Arrival, userIndex: number): Visitor {
  if (arrival === "user") {
    const u = user(userIndex);
    return webVisitor(rng, { distinctId: u.distinctId, person: u.person, referrer: u.referrer });
  }
  const anon = { distinctId: anonymousId(rng), person: {} };
  if (arrival === "organic") return webVisitor(rng, { ...anon, referrer: rng.pick(["$direct", "https://www.google.com/", "https://www.bing.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/"]) });
  if (arrival === "ad") {
    const linkedin = rng.chance(0.3);
    const utm: Record<string, string> = linkedin
      ? { utm_source: "linkedin", utm_medium: "paid_social", utm_campaign: "b2b-analytics-q4" }
      : { utm_source: "google", utm_medium: "cpc", utm_campaign: "saas-dashboards", utm_term: rng.pick(["kpi dashboard software", "saas metrics dashboard", "mrr dashboard tool", "stripe analytics dashboard"]) };
    return webVisitor(rng, { ...anon, referrer: linkedin ? "https://www.linkedin.com/" : "https://www.google.com/", utm });
  }
  return webVisitor(rng, { ...anon, referrer: "https://www.google.com/", utm: { utm_source: "google", utm_medium: "cpc", utm_campaign: "brand", utm_term: rng.pick(happy.WRONG_PRODUCT_TERMS) } });
}

export async function generate(outDir: string): Promise<void> {
  const order = sessionOrder(new Rng(SEED), PLAN);
  const starts = order.map((_, i) => sessionStart(new Rng(deriveSeed(SEED, i)), WEEK_START, "work"));
  const byTime = order.map((item, i) => ({ item, start: starts[i] ?? WEEK_START, key: i })).sort((a, b) => a.start - b.start || a.key - b.key);
  const rows: PostHogRow[] = [];
  const sessions: TruthSession[] = [];
  let userSessions = 0;
  for (const { item, start, key } of byTime) {
    const rng = new Rng(deriveSeed(SEED ^ 0xa11ce, key));
    const visitor = visitorFor(rng, item.arrival, item.arrival === "user" ? userSessions++ % USER_POOL : 0);
    const session = new PostHogSession(rng, visitor, start, item.arrival === "user" ? ORIGIN : MARKETING, key + 1);
    const noise = item.arrival === "user" ? pickWebNoise(rng) : null;
    sessions.push(item.run(new Scene(rng, session, webNoise(session, noise, abortedFetchFrames))));
    rows.push(...session.rows);
  }
  rows.sort((a, b) => a._inserted_at.localeCompare(b._inserted_at) || a.uuid.localeCompare(b.uuid));
  writeExport(join(outDir, EXPORT_FILE), jsonLines(rows));
  writeTruth(outDir, truth(sessions));
}

function truth(sessions: TruthSession[]): Truth {
  const [checkout] = locateAll(REPO, [{ file: "src/billing/checkout.js", fn: "upgradePlan", at: 'intent.status !== "succeeded"' }]);
  if (!checkout) throw new Error("checkout.js: the requires_action branch is gone");
  return {
    sessions,
    bugs: [
      { id: "bigquery-external-account", title: "Connecting BigQuery with workload identity federation credentials crashes: they carry no project_id", ...bugLocation("bigquery-external-account") },
      { id: "checkout-3ds-requires-action", title: "Upgrades with 3-D Secure cards fail: requires_action is reported as a failed payment instead of showing the bank's challenge", file: checkout.file, line: checkout.line },
      { id: "chart-flat-zero-series", title: "The chart preview crashes (Invalid array length) when every value is zero: the axis has no span", ...lineContaining(REPO, "src/charts/axis.js", "const max = Math.max(...values);") },
      { id: "schedule-half-hour-zone", title: "Scheduling a report in a half-hour time zone (India, Newfoundland, Adelaide) fails with Invalid time value", ...bugLocation("schedule-half-hour-zone") },
      { id: "csv-export-empty-result", title: "CSV export of a widget with no rows returns 500 (Object.keys of undefined)", ...bugLocation("csv-export-empty-result") },
    ],
    improvements: [
      { id: "slack-delivery", wants: "scheduled reports and alerts delivered to Slack", keywords: ["slack", "channel", "alerts"] },
      { id: "dashboard-folders", wants: "folders to organize many dashboards", keywords: ["folders", "organize", "group"] },
      { id: "sheets-source", wants: "Google Sheets or Excel files as a data source", keywords: ["google sheets", "spreadsheet", "excel"] },
    ],
    noise: Object.values(WEB_NOISE),
  };
}
