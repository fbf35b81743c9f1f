// node:http adapter: parses requests, turns thrown errors into JSON error replies, listens.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { pathToFileURL } from "node:url";
import { Analytics } from "./analytics.js";
import { createApp } from "./app.js";
import type { AppDeps } from "./deps.js";
import { HttpError, json, type AppRequest, type AppResponse } from "./http.js";
import { createHubSpotSandbox } from "./integrations/hubspot-sandbox.js";
import type { Router } from "./router.js";
import { seededStore } from "./store.js";
import { scaledClock } from "./tools/clock.js";

export async function handleRequest(router: Router, deps: AppDeps, request: AppRequest): Promise<AppResponse> {
  try {
    return await router.dispatch(request);
  } catch (error) {
    if (error instanceof HttpError) return json(error.status, { error: error.message });
    deps.analytics.captureException(request.userId, error);
    const err = error instanceof Error ? error : new Error(String(error));
    return json(500, { error: err.name, message: err.message });
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  if ((req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "Body is not valid JSON");
  }
}

export function createAppServer(deps: AppDeps): Server {
  const router = createApp(deps);
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    readBody(req)
      .then((body) => {
        const userId = String(req.headers["x-acme-user"] ?? "anonymous");
        return handleRequest(router, deps, { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, body, userId });
      })
      .catch((error: unknown) => json(error instanceof HttpError ? error.status : 500, { error: String(error) }))
      .then((reply) => res.writeHead(reply.status, reply.headers).end(reply.body));
  });
}

export function defaultDeps(): AppDeps {
  const sandbox = createHubSpotSandbox(48213);
  return {
    store: seededStore(),
    analytics: new Analytics(),
    clock: scaledClock(),
    hubspot: { clientId: "acme-dev", redirectUri: "http://localhost:3000/app/integrations/hubspot/callback", baseUrl: "https://api.hubapi.test", fetch: sandbox.fetch },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  createAppServer(defaultDeps()).listen(port, () => console.log(`Acme listening on http://localhost:${port}`));
}
