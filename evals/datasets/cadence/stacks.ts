// Cadence's crashes as posthog-react-native reports them from Hermes: PostHog resolves the frames through
// the source maps uploaded by the EAS build (sources are the build machine's absolute paths), except for
// Android builds whose map upload failed, which stay minified bundle positions.
import type { Rng } from "../../../demo/simulator/prng.js";
import { exceptionEntry, locateAll, processedProperties, unresolvedFrame, type ExceptionEntry, type Frame, type FrameSpec, type Located } from "../_kit/frames.js";
import type { TruthNoise } from "../_kit/truth.js";

export const REPO = new URL("./repo/", import.meta.url).pathname;
const BUILD_ROOT = "/home/expo/workingdir/build";

export type AppBug = "short-run-summary-crash" | "stale-plan-week-link";

const STACKS: Record<AppBug, FrameSpec[]> = {
  "short-run-summary-crash": [
    { file: "src/screens/RunSummary.js", fn: "loadRunSummary", at: "summaryOf(run)" },
    { file: "src/run/splits.js", fn: "summaryOf", at: "reduce(" },
  ],
  "stale-plan-week-link": [
    { file: "src/screens/PlanWeek.js", fn: "loadPlanWeek", at: "planWeek(plan" },
    { file: "src/plan/weeks.js", fn: "planWeek", at: "plan.weeks[number - 1]" },
  ],
};

const MESSAGES: Record<AppBug, { type: string; value: string }> = {
  "short-run-summary-crash": { type: "TypeError", value: "Reduce of empty array with no initial value" },
  "stale-plan-week-link": { type: "TypeError", value: "Cannot read property 'focus' of undefined" },
};

let located: Record<AppBug, Located[]> | undefined;

function stacks(): Record<AppBug, Located[]> {
  located ??= {
    "short-run-summary-crash": locateAll(REPO, STACKS["short-run-summary-crash"]),
    "stale-plan-week-link": locateAll(REPO, STACKS["stale-plan-week-link"]),
  };
  return located;
}

export function bugLocation(bug: AppBug): { file: string; line: number } {
  const last = stacks()[bug].at(-1);
  if (!last) throw new Error(`no frames for ${bug}`);
  return { file: last.file, line: last.line };
}

/** A frame of React Native itself, resolved (PostHog marks node_modules frames as not in-app). */
function rnFrame(source: string, fn: string, line: number, column: number): Frame {
  return { raw_id: `${fn}:${line}`, mangled_name: fn, line, column, source: `${BUILD_ROOT}/node_modules/react-native/${source}`, in_app: false, resolved_name: fn, lang: "javascript", resolved: true, resolve_failure: null };
}

function appFrame(at: Located): Frame {
  return { raw_id: `${at.file}:${at.line}`, mangled_name: "anonymous", line: at.line, column: at.column, source: `${BUILD_ROOT}/${at.file}`, in_app: true, resolved_name: at.fn, lang: "javascript", resolved: true, resolve_failure: null };
}

export function appException(rng: Rng, bug: AppBug, os: string): { $exception_list: ExceptionEntry[] } & Record<string, unknown> {
  const unresolved = os === "Android" && rng.chance(0.5);
  const outer = rnFrame("Libraries/Core/Timers/JSTimers.js", "callReactNativeMicrotasksPass", 232, 21);
  const frames = unresolved
    ? [unresolvedFrame("app:///index.android.bundle", "anonymous", 1, 611_284 + rng.int(0, 40), false), ...stacks()[bug].map((_, i) => unresolvedFrame("app:///index.android.bundle", "anonymous", 1, 402_113 + i * 917, true))]
    : [outer, ...stacks()[bug].map(appFrame)];
  if (bug === "short-run-summary-crash") frames.push({ ...rnFrame("Libraries/Core/polyfills.js", "reduce", 0, 0), source: "native", line: null, column: null });
  const entries = [exceptionEntry(MESSAGES[bug].type, MESSAGES[bug].value, frames, { resolved: true, mechanism: "generic" })];
  return { $exception_list: entries, ...processedProperties(entries) };
}

export const MOBILE_NOISE: Record<string, TruthNoise> = {
  "rn-network-request-failed": { id: "rn-network-request-failed", description: "React Native's 'Network request failed' for a request cut off when the app went to the background" },
  "sdk-attribution": { id: "sdk-attribution", description: "the attribution SDK's native module fails to start (node_modules frames, not the app's code)" },
};

export type MobileNoiseId = "rn-network-request-failed" | "sdk-attribution";

export function mobileNoise(id: MobileNoiseId): { $exception_list: ExceptionEntry[] } {
  if (id === "rn-network-request-failed") {
    const frames = [rnFrame("Libraries/Network/XMLHttpRequest.js", "setReadyState", 646, 26), { ...rnFrame("Libraries/Network/fetch.js", "xhr.onerror", 512, 18), source: `${BUILD_ROOT}/node_modules/whatwg-fetch/dist/fetch.umd.js` }];
    return { $exception_list: [exceptionEntry("TypeError", "Network request failed", frames, { resolved: true, mechanism: "onunhandledrejection" })] };
  }
  const frames = [{ ...rnFrame("index.js", "initSdk", 28, 17), source: `${BUILD_ROOT}/node_modules/react-native-appsflyer/index.js` }];
  return { $exception_list: [exceptionEntry("Error", "AppsFlyer: initSdk failed: devKey is missing or invalid", frames, { resolved: true, mechanism: "onunhandledrejection" })] };
}
