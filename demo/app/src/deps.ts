// Everything a handler needs, injected so tests can swap the outside world.
import type { Analytics } from "./analytics.js";
import type { HubSpotConfig } from "./integrations/hubspot.js";
import type { Store } from "./store.js";
import type { Clock } from "./tools/clock.js";

export interface AppDeps {
  store: Store;
  analytics: Analytics;
  hubspot: HubSpotConfig;
  clock: Clock;
}
