import type { ProductProfile } from "../../state/profile.js";
import type { SessionException, StackFrame } from "../../state/session.js";

/**
 * Browser errors that say nothing about the product: layout notifications, cross-origin scripts the
 * browser hides, requests aborted because the user navigated away. Matched against `Type: message`.
 * A profile adds its own (`noise.benignErrors`).
 */
export const BENIGN_ERRORS: readonly string[] = [
  "ResizeObserver loop (limit exceeded|completed with undelivered notifications)",
  "^(\\w+: )?Script error\\.?$",
  "^AbortError\\b",
  "\\b(the user aborted a request|the operation was aborted|signal is aborted without reason|request aborted)\\b",
  "Non-Error promise rejection captured with value",
  "^(\\w+: )?(cancell?ed)$",
  // An image the page could not load (an avatar, an icon): the page shows without it.
  "\\b(failed to load|could not load|error loading) (image|avatar|icon|favicon|thumbnail|logo)s?\\b",
  // A fetch the network never completed (Chrome, Firefox, Safari, React Native): the user went offline or left the page.
  "^(TypeError: )?(Failed to fetch|NetworkError when attempting to fetch resource\\.?|Load failed|Network request failed)$",
];

/** Why an error is noise, or null when it is the product's own failure. */
export type NoiseReason = "third-party" | "benign" | null;

/** Sorts a session's errors: noise is counted and shown, never a product failure. */
export class NoiseRules {
  private readonly benign: RegExp[];
  private readonly productHosts: string[];

  constructor(profile: ProductProfile) {
    this.benign = [...BENIGN_ERRORS, ...profile.noise.benignErrors].map((p) => new RegExp(p, "i"));
    this.productHosts = profile.noise.productHosts.map((h) => h.toLowerCase());
  }

  reasonOf(ex: SessionException, sessionHost: string | null | undefined): NoiseReason {
    const text = `${ex.type}: ${ex.message}`;
    if (this.benign.some((re) => re.test(text) || re.test(ex.message))) return "benign";
    // Frames there are, and none is the product's: an extension's or a third-party script's error.
    if (ex.frames.length > 0 && !ex.frames.some((f) => this.isProductFrame(f, sessionHost))) return "third-party";
    return null;
  }

  private isProductFrame(frame: StackFrame, sessionHost: string | null | undefined): boolean {
    if (!frame.inApp) return false;
    const host = urlHost(frame.file);
    if (!host || !sessionHost) return true;
    return sameSite(host, sessionHost) || this.productHosts.some((h) => host === h || host.endsWith(`.${h}`));
  }
}

function urlHost(file: string): string | null {
  if (!/^https?:\/\//i.test(file)) return null;
  try {
    return new URL(file).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** app.acme.com and cdn.acme.com are one site; the last two labels decide (three for a short second-level, as in co.uk). */
function sameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
}

function siteOf(host: string): string {
  const labels = host.split(".");
  const take = labels.length >= 3 && (labels.at(-2)?.length ?? 0) <= 3 && (labels.at(-1)?.length ?? 0) === 2 ? 3 : 2;
  return labels.slice(-take).join(".");
}
