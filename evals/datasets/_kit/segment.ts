// Segment messages as its S3 destination and warehouses store them (the Tracking API spec: type,
// messageId, anonymousId/userId, timestamp, context, properties), from analytics.js on a website and
// from @segment/analytics-node on a server.
import type { Rng } from "../../../demo/simulator/prng.js";

export type SegmentMessage = Record<string, unknown> & { messageId: string; timestamp: string; receivedAt: string };

const uuid = (rng: Rng): string => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${"89ab"[rng.int(0, 3)] ?? "8"}${rng.hex(3)}-${rng.hex(12)}`;

function stamps(rng: Rng, at: number): { timestamp: string; originalTimestamp: string; sentAt: string; receivedAt: string } {
  const sent = at + rng.int(50, 1500);
  const iso = new Date(at).toISOString();
  return { timestamp: iso, originalTimestamp: iso, sentAt: new Date(sent).toISOString(), receivedAt: new Date(sent + rng.int(20, 400)).toISOString() };
}

/** One visit to a website instrumented with analytics.js. */
export class SegmentVisit {
  readonly messages: SegmentMessage[] = [];
  now: number;
  readonly anonymousId: string;
  private page: Record<string, string> = {};
  private readonly userAgent: string;

  constructor(
    readonly rng: Rng,
    private readonly origin: string,
    startMs: number,
    private readonly referrer: string,
    private readonly campaign?: Record<string, string>,
  ) {
    this.now = startMs;
    this.anonymousId = uuid(rng);
    this.userAgent = rng.pick([
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ]);
  }

  get anchor(): string {
    const first = this.messages[0];
    if (!first) throw new Error("empty visit");
    return first.messageId;
  }

  wait(minSeconds: number, maxSeconds = minSeconds): this {
    this.now += Math.round(this.rng.between(minSeconds, maxSeconds) * 1000);
    return this;
  }

  pageView(path: string, title: string): this {
    const url = `${this.origin}${path}`;
    const search = path.includes("?") ? path.slice(path.indexOf("?")) : "";
    this.page = { path: path.split("?")[0] ?? path, referrer: this.messages.length ? (this.page["url"] ?? "") : this.referrer, search, title, url };
    return this.push({ type: "page", name: title, properties: { ...this.page } });
  }

  track(event: string, properties: Record<string, unknown> = {}): this {
    this.now += this.rng.int(300, 2000);
    return this.push({ type: "track", event, properties });
  }

  private push(body: Record<string, unknown>): this {
    const context: Record<string, unknown> = {
      library: { name: "analytics.js", version: "npm:next-1.76.0" },
      page: this.page,
      userAgent: this.userAgent,
      locale: "en-US",
      ip: `203.0.113.${this.rng.int(1, 254)}`,
    };
    if (this.campaign) context["campaign"] = this.campaign;
    this.messages.push({
      ...body,
      anonymousId: this.anonymousId,
      userId: null,
      channel: "client",
      context,
      integrations: {},
      messageId: `ajs-next-${this.rng.hex(32)}`,
      ...stamps(this.rng, this.now),
      version: 2,
    });
    return this;
  }
}

/** A server-side event (@segment/analytics-node): a known user, no page, no session. */
export function serverTrack(rng: Rng, userId: string, event: string, properties: Record<string, unknown>, at: number): SegmentMessage {
  return {
    type: "track",
    event,
    userId,
    properties,
    channel: "server",
    context: { library: { name: "@segment/analytics-node", version: "2.1.3" } },
    integrations: {},
    messageId: `node-next-${at}-${uuid(rng)}`,
    ...stamps(rng, at),
    version: 2,
  };
}
