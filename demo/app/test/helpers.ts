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
  router: ReturnType<typeof createApp>;
  /** A request as the server would build it. */
  request(method: string, path: string, body?: unknown): AppRequest;
  /** Through the server's error handling, as a browser would see it. */
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
  const request = (method: string, target: string, body?: unknown): AppRequest => {
    const url = new URL(target, "http://localhost");
    return { method, path: url.pathname, query: url.searchParams, body, userId: "usr_test" };
  };
  return {
    deps,
    sandbox,
    router,
    request,
    call: (method, target, body) => handleRequest(router, deps, request(method, target, body)),
  };
}

export function eventNames(app: TestApp): string[] {
  return app.deps.analytics.captured.map((event) => event.event);
}
