// Plotline's bugs as the exceptions its users' browsers (posthog-js) and its API server (posthog-node)
// report: browser frames point into the minified bundle, raw or resolved by PostHog through the
// committed source map; server frames are the deployed source files.
import type { Rng } from "../../../demo/simulator/prng.js";
import { Bundle } from "../_kit/bundle.js";
import { abortedFetchError } from "../_kit/noise.js";
import {
  exceptionEntry,
  foreignFrame,
  locateAll,
  minifiedFrame,
  processedProperties,
  resolvedFrame,
  serverFrame,
  type ExceptionEntry,
  type Frame,
  type FrameSpec,
  type Located,
} from "../_kit/frames.js";

export const REPO = new URL("./repo/", import.meta.url).pathname;
export const ORIGIN = "https://app.plotline.io";
export const BUNDLE_FILE = "build/static/js/main.f8f86103.js";
const BUNDLE_URL = `${ORIGIN}/static/js/main.f8f86103.js`;

export type BrowserBug = "bigquery-external-account" | "chart-flat-zero-series" | "schedule-half-hour-zone";

const BROWSER_STACKS: Record<BrowserBug, FrameSpec[]> = {
  "bigquery-external-account": [
    { file: "src/client/forms.js", fn: "submitBigQueryForm", at: "connectBigQuery(app.api" },
    { file: "src/sources/bigquery.js", fn: "connectBigQuery", at: "connectionSettings(credentials, form)" },
    { file: "src/sources/bigquery.js", fn: "connectionSettings", at: "toLowerCase()" },
  ],
  "chart-flat-zero-series": [
    { file: "src/client/chartBuilder.js", fn: "renderPreview", at: "chartModel(rows, spec)" },
    { file: "src/charts/series.js", fn: "chartModel", at: "axisTicks(values)" },
    { file: "src/charts/axis.js", fn: "axisTicks", at: "new Array(" },
  ],
  "schedule-half-hour-zone": [
    { file: "src/client/scheduleForm.js", fn: "previewNextDelivery", at: "nextDelivery(schedule" },
    { file: "src/reports/schedule.js", fn: "nextDelivery", at: "deliveryAt(zoneDay" },
    { file: "src/reports/schedule.js", fn: "deliveryAt", at: "toISOString()" },
  ],
};

const SERVER_STACK: FrameSpec[] = [
  { file: "src/server/routes/exports.js", fn: "exportWidgetCsv", at: "toCsv(result)" },
  { file: "src/server/export/csv.js", fn: "toCsv", at: "keys(result" },
];

let cache: { bundle: Bundle; browser: Record<BrowserBug, Located[]>; server: Located[] } | undefined;

function located(): NonNullable<typeof cache> {
  cache ??= {
    bundle: new Bundle(REPO, BUNDLE_FILE),
    browser: {
      "bigquery-external-account": locateAll(REPO, BROWSER_STACKS["bigquery-external-account"]),
      "chart-flat-zero-series": locateAll(REPO, BROWSER_STACKS["chart-flat-zero-series"]),
      "schedule-half-hour-zone": locateAll(REPO, BROWSER_STACKS["schedule-half-hour-zone"]),
    },
    server: locateAll(REPO, SERVER_STACK),
  };
  return cache;
}

/** The bug's throwing line: the last located frame. */
export function bugLocation(bug: BrowserBug | "csv-export-empty-result"): { file: string; line: number } {
  const frames = bug === "csv-export-empty-result" ? located().server : located().browser[bug];
  const last = frames.at(-1);
  if (!last) throw new Error(`no frames for ${bug}`);
  return { file: last.file, line: last.line };
}

/** Each browser words the same error its own way. */
function message(bug: BrowserBug, browser: string): { type: string; value: string } {
  const safari = browser.includes("Safari");
  const firefox = browser === "Firefox";
  if (bug === "bigquery-external-account") {
    if (safari) return { type: "TypeError", value: "undefined is not an object (evaluating 't.project_id.toLowerCase')" };
    if (firefox) return { type: "TypeError", value: "t.project_id is undefined" };
    return { type: "TypeError", value: "Cannot read properties of undefined (reading 'toLowerCase')" };
  }
  if (bug === "chart-flat-zero-series") {
    if (safari) return { type: "RangeError", value: "Array size is not a small enough positive integer." };
    return { type: "RangeError", value: firefox ? "invalid array length" : "Invalid array length" };
  }
  return { type: "RangeError", value: safari ? "Invalid Date" : firefox ? "invalid date" : "Invalid time value" };
}

/**
 * The `$exception` properties of a browser bug. Sessions of the release whose source map was
 * uploaded arrive resolved; the others keep the raw minified frames.
 */
export function browserException(rng: Rng, bug: BrowserBug, browser: string): { $exception_list: ExceptionEntry[] } & Record<string, unknown> {
  const { bundle, browser: stacks } = located();
  const resolved = rng.chance(0.6);
  const frames = stacks[bug].map((at) => (resolved ? resolvedFrame(bundle, at, BUNDLE_URL) : minifiedFrame(bundle, at, BUNDLE_URL)));
  if (bug === "schedule-half-hour-zone") frames.push(foreignFrame("<anonymous>", "Date.toISOString"));
  const { type, value } = message(bug, browser);
  const mechanism = bug === "schedule-half-hour-zone" ? "onerror" : "onunhandledrejection";
  const entries: ExceptionEntry[] = [exceptionEntry(type, value, frames, { resolved, mechanism })];
  return { $exception_list: entries, ...(resolved ? processedProperties(entries) : {}) };
}

/** posthog-node's report of the CSV export crash, as the API server captures it. */
export function serverCsvException(): { $exception_list: ExceptionEntry[] } & Record<string, unknown> {
  const frames = [
    foreignFrame("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5),
    foreignFrame("/app/node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5),
    ...located().server.map((at) => serverFrame(at, "/app")),
    foreignFrame("<anonymous>", "Function.keys"),
  ];
  const entries = [exceptionEntry("TypeError", "Cannot convert undefined or null to object", frames, { resolved: false, mechanism: "middleware" })];
  return { $exception_list: entries, $exception_level: "error" };
}

/** The API client's frames when a request is cut off by leaving the page (noise, though in-app). */
export function abortedFetchFrames(rng: Rng): { type: string; value: string; frames: Frame[] } {
  const { bundle } = located();
  const [at] = locateAll(REPO, [{ file: "src/client/api.js", fn: "request", at: "await fetchImpl(" }]);
  if (!at) throw new Error("api.js request not found");
  return { ...abortedFetchError(rng), frames: [minifiedFrame(bundle, at, BUNDLE_URL)] };
}
