// Errors every web product's PostHog project receives that are not the product's problem: browser
// extensions, cross-origin scripts, benign browser warnings and requests aborted by leaving the page.
import type { Rng } from "../../../demo/simulator/prng.js";
import { exceptionEntry, foreignFrame, type Frame } from "./frames.js";
import type { PostHogSession } from "./posthog.js";
import type { TruthNoise } from "./truth.js";

export const WEB_NOISE: Record<string, TruthNoise> = {
  "ext-password-manager": { id: "ext-password-manager", description: "a password-manager extension's content script throws on the page (chrome-extension:// frames, in_app false)" },
  "ext-grammar-checker": { id: "ext-grammar-checker", description: "a grammar-checker extension throws while scanning text fields (chrome-extension:// frames, in_app false)" },
  "resize-observer": { id: "resize-observer", description: "the browser's benign 'ResizeObserver loop' warning reported as an error" },
  "script-error": { id: "script-error", description: "'Script error.' from a cross-origin third-party script (the chat widget), no stack" },
  "aborted-fetch": { id: "aborted-fetch", description: "a request the browser cancelled because the user left the page" },
};

export type WebNoiseId = keyof typeof WEB_NOISE;

const EXTENSIONS: Record<"ext-password-manager" | "ext-grammar-checker", () => { type: string; value: string; frames: Frame[] }> = {
  "ext-password-manager": () => ({
    type: "TypeError",
    value: "Cannot read properties of undefined (reading 'ControlLooksLikePasswordCredentialField')",
    frames: [
      foreignFrame("chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js", "HTMLDocument.<anonymous>", 71, 2034),
      foreignFrame("chrome-extension://hdokiejnpimakedhajhdlcegeplioahd/onloadwff.js", "checkForm", 71, 1187),
    ],
  }),
  "ext-grammar-checker": () => ({
    type: "TypeError",
    value: "Cannot read properties of null (reading 'shadowRoot')",
    frames: [
      foreignFrame("chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen/src/js/Grammarly-check.js", "MutationObserver.<anonymous>", 2, 90417),
      foreignFrame("chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen/src/js/Grammarly-check.js", "e.getHost", 2, 44191),
    ],
  }),
};

/** How the product's own API client fails when a request is cut off (its frames are in-app). */
export type AbortedFetch = (rng: Rng) => { type: string; value: string; frames: Frame[] };

/**
 * Adds one noise error to the session at its current time and returns its id. `aborted-fetch` belongs
 * just before the user leaves; the others anywhere.
 */
export function addWebNoise(session: PostHogSession, id: WebNoiseId, abortedFetch: AbortedFetch): WebNoiseId {
  const { rng } = session;
  if (id === "ext-password-manager" || id === "ext-grammar-checker") {
    const ext = EXTENSIONS[id]();
    session.exception({ $exception_list: [exceptionEntry(ext.type, ext.value, ext.frames, { resolved: false })] });
  } else if (id === "resize-observer") {
    const value = rng.chance(0.7) ? "ResizeObserver loop completed with undelivered notifications." : "ResizeObserver loop limit exceeded";
    session.exception({ $exception_list: [{ type: "Error", value, mechanism: { type: "onerror", handled: false, synthetic: true }, stacktrace: { type: "raw", frames: [] } }] });
  } else if (id === "script-error") {
    session.exception({ $exception_list: [{ type: "Error", value: "Script error.", mechanism: { type: "onerror", handled: false, synthetic: true }, stacktrace: { type: "raw", frames: [] } }] });
  } else {
    const aborted = abortedFetch(rng);
    session.exception({ $exception_list: [exceptionEntry(aborted.type, aborted.value, aborted.frames, { resolved: false, mechanism: "onunhandledrejection" })] });
  }
  return id;
}

/** Picks the noise a session carries, if any: about one session in six carries one. */
export function pickWebNoise(rng: Rng, share = 0.17): WebNoiseId | null {
  if (!rng.chance(share)) return null;
  return rng.pick(Object.keys(WEB_NOISE) as WebNoiseId[]);
}

/** The browser's error for a fetch cut off by navigation (Chrome, Safari, Firefox, an AbortController). */
export function abortedFetchError(rng: Rng): { type: string; value: string } {
  return rng.pick([
    { type: "TypeError", value: "Failed to fetch" },
    { type: "TypeError", value: "Failed to fetch" },
    { type: "TypeError", value: "Load failed" },
    { type: "TypeError", value: "NetworkError when attempting to fetch resource." },
    { type: "AbortError", value: "signal is aborted without reason" },
  ]);
}
