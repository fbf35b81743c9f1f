// Mailwright's error reporter sends uncaught errors to Amplitude as "Frontend Error" with the browser's
// stack text: positions in the minified Vite bundle (its source map is committed in repo/dist/assets).
import type { Rng } from "../../../demo/simulator/prng.js";
import { Bundle } from "../_kit/bundle.js";
import { locateAll, type Located } from "../_kit/frames.js";
import type { TruthNoise } from "../_kit/truth.js";

export const REPO = new URL("./repo/", import.meta.url).pathname;
export const ORIGIN = "https://app.mailwright.dev";
const BUNDLE_FILE = "dist/assets/index-f8ed0851.js";
const BUNDLE_URL = `${ORIGIN}/assets/index-f8ed0851.js`;

let cache: { bundle: Bundle; template: Located[]; fetch: Located[] } | undefined;

function located(): NonNullable<typeof cache> {
  cache ??= {
    bundle: new Bundle(REPO, BUNDLE_FILE),
    // Innermost first, as stack text lists them.
    template: locateAll(REPO, [
      { file: "src/templates/render.js", fn: "renderTemplate", at: '.exec(filter)[1]' },
      { file: "src/templates/render.js", fn: "renderTemplate", at: "source.replace(" },
      { file: "src/client/templateEditor.js", fn: "updatePreview", at: "renderTemplate(source" },
    ]),
    fetch: locateAll(REPO, [{ file: "src/client/api.js", fn: "call", at: "await fetchImpl(" }]),
  };
  return cache;
}

export function templateBugLocation(): { file: string; line: number } {
  const [at] = located().template;
  if (!at) throw new Error("render.js: the default filter line is gone");
  return { file: at.file, line: at.line };
}

/** A line of stack text: a bundle position, in a named (minified) function or an anonymous callback; or a native frame. */
type StackLine = { at: Located; anonymous: boolean } | { native: string };

/** Stack text as Chrome (`    at fn (url:line:col)`) or Firefox (`fn@url:line:col`, no native frames) prints it. */
function stackText(header: string, lines: StackLine[], firefox: boolean): string {
  const { bundle } = located();
  const printed = lines.flatMap((l) => {
    if ("native" in l) return firefox ? [] : [`    at ${l.native} (<anonymous>)`];
    const pos = bundle.generated(l.at.file, l.at.line, l.at.column);
    const where = `${BUNDLE_URL}:${pos.line}:${pos.column}`;
    const name = bundle.mangledName(pos);
    if (firefox) return [`${name}${l.anonymous ? "/<" : ""}@${where}`];
    return [l.anonymous ? `    at ${where}` : `    at ${name} (${where})`];
  });
  return firefox ? `${printed.join("\n")}\n` : `${header}\n${printed.join("\n")}`;
}

/** A template whose default uses single quotes ({{ name | default: 'there' }}) crashes the preview. */
export function templateCrash(rng: Rng): Record<string, unknown> {
  const [callback, render, preview] = located().template;
  if (!callback || !render || !preview) throw new Error("template stack not found");
  const firefox = rng.chance(0.25);
  const message = firefox ? 'TypeError: /^default:\\s*"(.*)"$/.exec(...) is null' : "TypeError: Cannot read properties of null (reading '1')";
  const lines: StackLine[] = [{ at: callback, anonymous: true }, { native: "String.replace" }, { at: render, anonymous: false }, { at: preview, anonymous: false }];
  const stack = stackText(message, lines, firefox);
  const first = /:(\d+):(\d+)/.exec(stack.split("\n").find((l) => l.includes(BUNDLE_URL)) ?? "");
  return { message: firefox ? message : `Uncaught ${message}`, stack, filename: BUNDLE_URL, lineno: Number(first?.[1] ?? 1), colno: Number(first?.[2] ?? 1), source: "window.onerror" };
}

export const AMPLITUDE_NOISE: Record<string, TruthNoise> = {
  "ext-password-manager": { id: "ext-password-manager", description: "a password-manager extension's content script throws on the page (chrome-extension:// stack)" },
  "resize-observer": { id: "resize-observer", description: "the browser's benign 'ResizeObserver loop' warning reported as an error" },
  "script-error": { id: "script-error", description: "'Script error.' from the cross-origin support chat widget, no stack" },
  "aborted-fetch": { id: "aborted-fetch", description: "a request the browser cancelled because the user left the page" },
};

export type AmplitudeNoiseId = "ext-password-manager" | "resize-observer" | "script-error" | "aborted-fetch";

export function noiseError(rng: Rng, id: AmplitudeNoiseId): Record<string, unknown> {
  if (id === "ext-password-manager") {
    const stack = "TypeError: Cannot read properties of undefined (reading 'ControlLooksLikePasswordCredentialField')\n    at HTMLDocument.<anonymous> (chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js:71:2034)\n    at checkForm (chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js:71:1187)";
    return { message: "Uncaught TypeError: Cannot read properties of undefined (reading 'ControlLooksLikePasswordCredentialField')", stack, filename: "chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js", lineno: 71, colno: 2034, source: "window.onerror" };
  }
  if (id === "resize-observer") return { message: "ResizeObserver loop completed with undelivered notifications.", stack: null, filename: "", lineno: 0, colno: 0, source: "window.onerror" };
  if (id === "script-error") return { message: "Script error.", stack: null, filename: "", lineno: 0, colno: 0, source: "window.onerror" };
  const [call] = located().fetch;
  const { bundle } = located();
  const pos = call ? bundle.generated(call.file, call.line, call.column) : { line: 1, column: 1 };
  const message = rng.pick(["TypeError: Failed to fetch", "TypeError: NetworkError when attempting to fetch resource."]);
  return { message, stack: `${message}\n    at ${bundle.mangledName(pos)} (${BUNDLE_URL}:${pos.line}:${pos.column})`, source: "unhandledrejection" };
}
