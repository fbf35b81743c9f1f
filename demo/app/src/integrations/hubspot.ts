// HubSpot OAuth and a small CRM client. The HTTP call goes through an injectable
// fetch so the sandbox (and tests) can stand in for api.hubapi.com.

/** OAuth scopes Acme asks for when a workspace connects HubSpot. */
export const HUBSPOT_SCOPES: readonly string[] = [
  "oauth",
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
];

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FetchResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface HubSpotConfig {
  clientId: string;
  redirectUri: string;
  baseUrl: string;
  fetch: FetchLike;
}

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string>;
}

export class HubSpotApiError extends Error {
  override name = "HubSpotApiError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    detail: string,
    readonly portalId: number,
  ) {
    super(`HubSpot request ${method} ${path} failed with ${status}: ${detail} (portal ${portalId})`);
  }
}

export function authorizeUrl(config: HubSpotConfig, state: string): string {
  const url = new URL("/oauth/authorize", config.baseUrl);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("scope", HUBSPOT_SCOPES.join(" "));
  url.searchParams.set("state", state);
  return url.toString();
}

/** Trades the OAuth code from the redirect for an access token bound to one portal. */
export async function exchangeCode(config: HubSpotConfig, code: string): Promise<HubSpotClient> {
  const res = await config.fetch(`${config.baseUrl}/oauth/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "authorization_code", code, client_id: config.clientId }),
  });
  const data = (await res.json()) as { access_token?: string; hub_id?: number; message?: string };
  if (!res.ok || !data.access_token || data.hub_id === undefined) {
    throw new HubSpotApiError("POST", "/oauth/v1/token", res.status, data.message ?? "no token", 0);
  }
  return new HubSpotClient(config, data.access_token, data.hub_id);
}

export class HubSpotClient {
  constructor(
    private readonly config: HubSpotConfig,
    private readonly accessToken: string,
    readonly portalId: number,
  ) {}

  async listContacts(): Promise<HubSpotRecord[]> {
    const page = await this.request<{ results: HubSpotRecord[] }>("GET", "/crm/v3/objects/contacts");
    return page.results;
  }

  async listCompanies(): Promise<HubSpotRecord[]> {
    const page = await this.request<{ results: HubSpotRecord[] }>("GET", "/crm/v3/objects/companies");
    return page.results;
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const res = await this.config.fetch(`${this.config.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.accessToken}` },
    });
    const data = (await res.json()) as T & { message?: string };
    if (!res.ok) {
      throw new HubSpotApiError(method, path, res.status, data.message ?? "unknown error", this.portalId);
    }
    return data;
  }
}
