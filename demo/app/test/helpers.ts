// Test wiring: seeded store, in-memory analytics, HubSpot sandbox, a 1000x faster clock.
import { Analytics } from "../src/analytics.js";
import { createApp } from "../src/app.js";
import type { AppDeps } from "../src/deps.js";
import type { AppRequest, AppResponse } from "../src/http.js";
import { createHubSpotSandbox, type HubSpotSandbox } from "../src/integrations/hubspot-sandbox.js";
import { handleRequest } from "../src/server.js";
import { seededStore } from "../src/store.js";
import { scaledClock } from "../src/tools/clock.js";

export interface TestApp {
  deps: AppDeps;
  sandbox: HubSpotSandbox;
  call(method: string, path: string, body?: unknown): Promise<AppResponse>;
}

export function testApp(): TestApp {
  const sandbox = createHubSpotSandbox(48213);
  const deps: AppDeps = {
    store: seededStore(),
    analytics: new Analytics(),
    clock: scaledClock(1000),
    hubspot: { clientId: "test", redirectUri: "http://localhost/cb", baseUrl: "https://api.hubapi.test", fetch: sandbox.fetch },
  };
  const router = createApp(deps);
  return {
    deps,
    sandbox,
    call(method, target, body) {
      const url = new URL(target, "http://localhost");
      const request: AppRequest = { method, path: url.pathname, query: url.searchParams, body, userId: "usr_test" };
      return handleRequest(router, deps, request);
    },
  };
}

export function eventNames(app: TestApp): string[] {
  return app.deps.analytics.captured.map((event) => event.event);
}
