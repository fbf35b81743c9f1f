/**
 * A local stand-in for PostHog's query API (POST /api/projects/:id/query/ with a HogQLQuery), on
 * 127.0.0.1 and a free port. It checks the Bearer key and the exact keyset query selfheal sends,
 * answers `{ results, columns, types, hasMore }` pages, and can fail or stall chosen requests, or a
 * share of them by a fault plan.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultPlan } from "./faultPlan.js";

export interface FakePostHogEvent {
  uuid: string;
  event: string;
  distinct_id: string;
  /** UTC with microseconds, as ClickHouse keeps it: "2026-01-05 10:00:00.000100". */
  timestamp: string;
  properties: Record<string, unknown>;
}

export interface RecordedRequest {
  path: string;
  authorization: string | null;
  body: unknown;
  query: string | null;
}

const COLUMNS = ["uuid", "event", "distinct_id", "timestamp", "properties"];
const KEYSET = /^SELECT uuid, event, distinct_id, timestamp, properties FROM events(?: WHERE timestamp > toDateTime64\('([^']+)', 6, 'UTC'\) OR \(timestamp = toDateTime64\('([^']+)', 6, 'UTC'\) AND uuid > toUUID\('([^']+)'\)\))? ORDER BY timestamp ASC, uuid ASC LIMIT (\d+)$/;

export class FakePostHogServer {
  readonly requests: RecordedRequest[] = [];
  /** Replies for the next requests, in order (e.g. a 429 with Retry-After); then pages as usual. */
  readonly failures: { status: number; retryAfter?: string }[] = [];
  /** 1-based number of a request that never gets an answer (a crash is injected while it hangs). */
  stallAt: number | null = null;
  /** Faults on a share of the requests that pass the key check (after `failures`). */
  faults: FaultPlan | null = null;
  private events: FakePostHogEvent[] = [];
  private server: Server | null = null;

  constructor(readonly opts: { projectId: string; apiKey: string }) {}

  add(events: FakePostHogEvent[]): void {
    this.events = [...this.events, ...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.uuid.localeCompare(b.uuid));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = "";
    for await (const chunk of req) text += String(chunk);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as null; answered 400 below
    }
    const query = queryOf(body);
    this.requests.push({ path: req.url ?? "", authorization: req.headers.authorization ?? null, body, query });
    if (this.stallAt === this.requests.length) return; // never answered
    if (req.method !== "POST" || req.url !== `/api/projects/${this.opts.projectId}/query/`) return send(res, 404, { detail: "Not found." });
    if (req.headers.authorization !== `Bearer ${this.opts.apiKey}`) return send(res, 401, { detail: "Invalid personal API key." });
    const failure = this.failures.shift();
    if (failure) return send(res, failure.status, { detail: "injected failure" }, failure.retryAfter);
    const reply = this.page(query);
    if (!this.faults) return send(res, reply.status, reply.payload);
    await this.faults.serve(req, res, async () => ({ status: reply.status, body: JSON.stringify(reply.payload) }));
  }

  private page(query: string | null): { status: number; payload: unknown } {
    const match = query ? KEYSET.exec(query) : null;
    if (!match || match[1] !== match[2]) return { status: 400, payload: { detail: `unsupported query: ${query ?? "none"}` } };
    const [, ts, , uuid, limitText] = match;
    const limit = Number(limitText);
    const after = this.events.filter((e) => !ts || e.timestamp > ts || (e.timestamp === ts && uuid !== undefined && e.uuid > uuid));
    const page = after.slice(0, limit);
    return { status: 200, payload: {
      results: page.map((e) => [e.uuid, e.event, e.distinct_id, `${e.timestamp.replace(" ", "T")}Z`, JSON.stringify(e.properties)]),
      columns: COLUMNS,
      types: [["uuid", "UUID"], ["event", "String"], ["distinct_id", "String"], ["timestamp", "DateTime64(6, 'UTC')"], ["properties", "String"]],
      hasMore: after.length > limit,
      limit,
      offset: 0,
      timezone: "UTC",
    } };
  }
}

function queryOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const q = (body as { query?: { kind?: unknown; query?: unknown } }).query;
  return q?.kind === "HogQLQuery" && typeof q.query === "string" ? q.query : null;
}

function send(res: ServerResponse, status: number, payload: unknown, retryAfter?: string): void {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
  res.writeHead(status, headers).end(JSON.stringify(payload));
}

/** Events of PostHog's events table for the fake: `n` events from `start`, one second apart. */
export function fakeEvents(prefix: string, n: number, opts: { session?: string; start?: number; micros?: string } = {}): FakePostHogEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const time = new Date(Date.parse("2026-01-05T10:00:00Z") + ((opts.start ?? 0) + i) * 1000).toISOString();
    return {
      uuid: `${prefix}-${String(i).padStart(3, "0")}`,
      event: i === 0 ? "$pageview" : "clicked_thing",
      distinct_id: "user-1",
      timestamp: `${time.slice(0, 19).replace("T", " ")}.${opts.micros ?? "000000"}`,
      properties: { $session_id: opts.session ?? "ps1", $pathname: "/app" },
    };
  });
}
