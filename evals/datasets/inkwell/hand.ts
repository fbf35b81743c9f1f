// The building blocks of Inkwell's hand-written sessions: who the visitor is, the app's controls,
// the frames its exceptions carry, and how a written session becomes rows and a truth entry.
import { Rng } from "../../../demo/simulator/prng.js";
import { button, control, link, type Element } from "../_kit/elements.js";
import { exceptionEntry, locateAll, type ExceptionEntry, type Frame } from "../_kit/frames.js";
import { personIdOf } from "../_kit/people.js";
import { PostHogSession, type Visitor } from "../_kit/posthog.js";
import type { Label } from "../_kit/truth.js";

export const REPO = new URL("./repo/", import.meta.url).pathname;
export const APP = "https://app.inkwell.so";
export const SITE = "https://inkwell.so";

/** One hand-written session: when, who, what happened (the script), and what a careful reader says of it. */
export interface HandSession {
  name: string;
  start: string;
  visitor: Visitor;
  origin: string;
  script: (s: PostHogSession) => void;
  label: Omit<Label, "noise"> & { noise?: string[] };
  /** Export quirks: rows repeated (a retried batch), written in reverse order, or one line cut short. */
  quirk?: "duplicated" | "reversed" | { truncate: number };
}

const BROWSERS: Record<string, Record<string, unknown>> = {
  "chrome-mac": { $browser: "Chrome", $browser_version: 131, $os: "Mac OS X", $os_version: "14.6.1", $device_type: "Desktop", $screen_width: 1728, $screen_height: 1117 },
  "edge-windows": { $browser: "Microsoft Edge", $browser_version: 131, $os: "Windows", $os_version: "10.0", $device_type: "Desktop", $screen_width: 1920, $screen_height: 1080 },
  "safari-iphone": { $browser: "Mobile Safari", $browser_version: 18, $os: "iOS", $os_version: "18.1", $device_type: "Mobile", $screen_width: 393, $screen_height: 852 },
  "chrome-android": { $browser: "Chrome", $browser_version: 131, $os: "Android", $os_version: "14.0", $device_type: "Mobile", $screen_width: 412, $screen_height: 915 },
  headless: { $browser: "Chrome", $browser_version: 119, $os: "Linux", $os_version: "", $device_type: "Desktop", $screen_width: 800, $screen_height: 600, $raw_user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/119.0.0.0 Safari/537.36" },
};

export function visitor(distinctId: string, browser: keyof typeof BROWSERS, opts: { email?: string; referrer?: string; utm?: Record<string, string>; language?: string } = {}): Visitor {
  return {
    distinctId,
    personId: personIdOf(distinctId),
    person: opts.email ? { email: opts.email, plan: "team" } : {},
    context: { ...BROWSERS[browser], $lib: "web", $lib_version: "1.258.2", $browser_language: opts.language ?? "en-US", $is_identified: Boolean(opts.email) },
    referrer: opts.referrer ?? "$direct",
    ...(opts.utm ? { utm: opts.utm } : {}),
  };
}

export const ui = {
  button: (text: string, testid?: string): Element[] => control(button(text, testid ? { "data-testid": testid } : {})),
  link: (text: string, href: string): Element[] => control(link(text, href)),
  tool: (kind: string): Element[] => control({ tag: "div", classes: ["field-tool"], text: kind, attributes: { draggable: "true" } }, { tag: "aside", classes: ["tools"] }),
  canvas: (): Element[] => control({ tag: "canvas", id: "signature-pad", text: "" }, { tag: "div", classes: ["pad"], text: "Draw your signature here" }),
};

const WEBPACK = "webpack://inkwell/./";

/** PostHog-resolved frames (the webpack source map was uploaded) of the field-drop crash. */
export function fieldDropCrash(): { $exception_list: ExceptionEntry[] } {
  const place = fieldDropLocation();
  const frame = (file: string, fn: string, line: number, column: number, inApp = true): Frame => ({ raw_id: `${file}:${line}`, mangled_name: "o", line, column, source: `${WEBPACK}${file}`, in_app: inApp, resolved_name: fn, lang: "javascript", resolved: true, resolve_failure: null });
  const frames = [frame("node_modules/react-dnd/dist/core/DragDropMonitorImpl.js", "drop", 112, 9, false), frame(place.file, "placeField", place.line, place.column)];
  return { $exception_list: [exceptionEntry("TypeError", "Cannot read properties of undefined (reading 'height')", frames, { resolved: true })] };
}

export function fieldDropLocation(): { file: string; line: number; column: number } {
  const [at] = locateAll(REPO, [{ file: "src/fields/place.js", fn: "placeField", at: ".height - at.y" }]);
  if (!at) throw new Error("place.js changed");
  return at;
}

/** A session object for a written session, seeded by its name so each is stable on its own. */
export function sessionFor(h: HandSession, key: number): PostHogSession {
  let seed = 0;
  for (const ch of h.name) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  return new PostHogSession(new Rng(seed), h.visitor, Date.parse(h.start), h.origin, key);
}
