import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import { UsageError } from "../../runtime/errors.js";
import { registerSecret } from "../../runtime/scrubSecrets.js";
import { retryPolicyOf, ServiceGuard } from "../../runtime/outside/guard.js";
import { guardLinear } from "./guardLinear.js";
import { LocalTracker } from "./local.js";
import { LinearTracker } from "./linear.js";
import type { Tracker } from "./types.js";

/**
 * The tracker the profile names; Linear's key comes from the environment variable the profile names.
 * Linear's SDK is loaded only for a Linear tracker.
 */
export async function trackerFor(profile: ProductProfile, warehouse: Warehouse, env: NodeJS.ProcessEnv = process.env): Promise<Tracker> {
  if (profile.tracker.kind === "linear") {
    const linear = profile.linear;
    if (!linear) throw new UsageError('tracker.kind is "linear" but the profile has no "linear" section: add "linear": { "team": "<team key>" }');
    const apiKey = env[linear.apiKeyEnv];
    if (!apiKey) throw new UsageError(`tracker.kind is "linear" but ${linear.apiKeyEnv} is not set: export a Linear API key in it`);
    registerSecret(linear.apiKeyEnv, apiKey);
    const { LinearClient } = await import("@linear/sdk");
    const client = new LinearClient({ apiKey, ...(linear.apiUrl ? { apiUrl: linear.apiUrl } : {}) });
    guardLinear(client, new ServiceGuard("Linear", profile.services));
    return new LinearTracker(warehouse, client, { team: linear.team, patternUrl: linear.patternUrl, retry: retryPolicyOf(profile.services) });
  }
  return new LocalTracker(warehouse);
}
