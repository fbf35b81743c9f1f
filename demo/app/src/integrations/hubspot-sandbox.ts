// A stand-in for HubSpot's API used by the dev server and tests. Like the real
// API it grants a token exactly the scopes that were authorized, and answers
// 403 when an endpoint needs a scope the token lacks.
import type { FetchInit, FetchLike, FetchResponse } from "./hubspot.js";

const REQUIRED_SCOPE: Record<string, string> = {
  "/crm/v3/objects/contacts": "crm.objects.contacts.read",
  "/crm/v3/objects/companies": "crm.objects.companies.read",
};

const RECORDS: Record<string, Array<{ id: string; properties: Record<string, string> }>> = {
  "/crm/v3/objects/contacts": [
    { id: "101", properties: { email: "ada@example.com", firstname: "Ada" } },
    { id: "102", properties: { email: "grace@example.com", firstname: "Grace" } },
  ],
  "/crm/v3/objects/companies": [{ id: "201", properties: { name: "Initech", domain: "initech.example" } }],
};

export interface HubSpotSandbox {
  fetch: FetchLike;
  /** What the consent screen does: records the scopes the user approved and returns a code. */
  authorize(scopes: readonly string[]): string;
}

export function createHubSpotSandbox(portalId: number): HubSpotSandbox {
  const codes = new Map<string, readonly string[]>();
  const tokens = new Map<string, readonly string[]>();
  let issued = 0;

  const reply = (status: number, data: unknown): FetchResponse => ({
    ok: status >= 200 && status < 300,
    status,
    json: async () => data,
  });

  const fetch: FetchLike = async (url: string, init: FetchInit) => {
    const path = new URL(url).pathname;
    if (path === "/oauth/v1/token" && init.method === "POST") {
      const { code } = JSON.parse(init.body ?? "{}") as { code?: string };
      const scopes = code === undefined ? undefined : codes.get(code);
      if (!scopes) return reply(400, { message: "invalid authorization code" });
      issued += 1;
      const token = `pat-na1-${portalId}-${issued}`;
      tokens.set(token, scopes);
      return reply(200, { access_token: token, hub_id: portalId, expires_in: 1800 });
    }
    const granted = tokens.get((init.headers.authorization ?? "").replace("Bearer ", ""));
    if (!granted) return reply(401, { message: "invalid access token" });
    const needed = REQUIRED_SCOPE[path];
    if (!needed) return reply(404, { message: `no such endpoint ${path}` });
    if (!granted.includes(needed)) return reply(403, { message: `missing scope ${needed}` });
    return reply(200, { results: RECORDS[path] ?? [] });
  };

  return {
    fetch,
    authorize(scopes) {
      const code = `code-${codes.size + 1}`;
      codes.set(code, scopes);
      return code;
    },
  };
}
