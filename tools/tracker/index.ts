import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import { UsageError } from "../../runtime/errors.js";
import { LocalTracker } from "./local.js";
import type { Tracker } from "./types.js";

/** The tracker the profile names. */
export function trackerFor(profile: ProductProfile, warehouse: Warehouse): Tracker {
  if (profile.tracker.kind === "linear") {
    throw new UsageError('tracker.kind "linear" is not available in this version; use "local"');
  }
  return new LocalTracker(warehouse);
}
