// One session of PostHog events as the S3 batch export writes them (JSON lines: uuid, event, distinct_id,
// person_id, properties and person_properties as objects, elements_chain, ISO timestamps with microseconds).
import { uuidV7, type Rng } from "../../../demo/simulator/prng.js";
import { elementsChain, type Element } from "./elements.js";
import type { ExceptionEntry } from "./frames.js";

export interface PostHogRow {
  uuid: string;
  event: string;
  distinct_id: string;
  person_id: string;
  properties: Record<string, unknown>;
  person_properties: Record<string, unknown>;
  elements_chain: string;
  timestamp: string;
  created_at: string;
  _inserted_at: string;
}

/** Who is visiting, and from where: fixed for the session. */
export interface Visitor {
  distinctId: string;
  personId: string;
  person: Record<string, unknown>;
  /** The SDK's per-event device and library properties ($browser, $os, $lib, $app_version, ...). */
  context: Record<string, unknown>;
  /** The landing page's referrer URL, or "$direct". */
  referrer: string;
  utm?: Record<string, string>;
}

const micro = (ms: number): string => new Date(ms).toISOString().replace("Z", "000+00:00");

export class PostHogSession {
  readonly rows: PostHogRow[] = [];
  now: number;
  readonly sessionId: string;
  private windowId: string;
  private url: string | null = null;
  private pathname: string | null = null;
  private screenName: string | null = null;
  private pageStart = 0;
  private landed = false;

  constructor(
    readonly rng: Rng,
    readonly visitor: Visitor,
    startMs: number,
    /** Site origin for web sessions ("https://app.plotline.io"); null for a mobile app. */
    private readonly origin: string | null,
    private readonly key: number,
  ) {
    this.now = startMs;
    this.sessionId = uuidV7(rng, startMs, key);
    this.windowId = uuidV7(rng, startMs + 3, key ^ 0x5bd1e995);
  }

  /** The first event's uuid: the session's anchor in truth.json. */
  get anchor(): string {
    const first = this.rows[0];
    if (!first) throw new Error("empty session");
    return first.uuid;
  }

  /** The user opens the app in a second tab: same session, another window id. */
  newWindow(): this {
    this.windowId = uuidV7(this.rng, this.now, this.key ^ 0x68e31da4 ^ this.rows.length);
    return this;
  }

  wait(minSeconds: number, maxSeconds = minSeconds): this {
    this.now += Math.round(this.rng.between(minSeconds, maxSeconds) * 1000);
    return this;
  }

  pageview(path: string, extra: Record<string, unknown> = {}): this {
    if (!this.origin) throw new Error("pageview in a mobile session");
    const previous = this.pathname ? { $prev_pageview_pathname: this.pathname, $prev_pageview_duration: this.pageSeconds() } : {};
    this.url = `${this.origin}${path}`;
    this.pathname = path.split("?")[0] ?? path;
    this.pageStart = this.now;
    return this.emit("$pageview", { ...previous, ...this.landing(), ...extra });
  }

  /** The page the tab already shows, without an event (a session that starts on an open page). */
  onPage(path: string): this {
    if (!this.origin) throw new Error("onPage in a mobile session");
    this.url = `${this.origin}${path}`;
    this.pathname = path.split("?")[0] ?? path;
    this.pageStart = this.now;
    return this;
  }

  /** A mobile screen view (`posthog.screen(name)`); Expo Router apps name screens by their path. */
  screen(name: string, extra: Record<string, unknown> = {}): this {
    this.screenName = name;
    this.pageStart = this.now;
    return this.emit("$screen", { $screen_name: name, ...this.landing(), ...extra });
  }

  /** An autocaptured click (web) or touch (mobile) on the element path, target first. */
  click(path: Element[], extra: Record<string, unknown> = {}): this {
    this.now += this.rng.int(400, 2500);
    const type = this.origin ? "click" : "touch";
    return this.emit("$autocapture", { $event_type: type, $ce_version: 1, ...extra }, elementsChain(path));
  }

  /** Fast repeated clicks on one element: PostHog sends the clicks and then a $rageclick. */
  rageclick(path: Element[]): this {
    const clicks = this.rng.int(3, 6);
    for (let i = 0; i < clicks; i++) {
      this.now += this.rng.int(110, 320);
      this.emit("$autocapture", { $event_type: this.origin ? "click" : "touch", $ce_version: 1 }, elementsChain(path));
    }
    return this.emit("$rageclick", { $event_type: "click" }, elementsChain(path));
  }

  /** A click that changed nothing within PostHog's 2.5 s window. */
  deadClick(path: Element[]): this {
    this.now += this.rng.int(500, 2500);
    const clickedAt = this.now;
    this.now += 2500;
    return this.emit(
      "$dead_click",
      {
        $dead_click_event_timestamp: clickedAt,
        $dead_click_absolute_delay_ms: 2500,
        $dead_click_absolute_timeout: true,
        $dead_click_scroll_timeout: true,
        $dead_click_mutation_timeout: true,
        $dead_click_selection_changed_timeout: true,
      },
      elementsChain(path),
    );
  }

  capture(event: string, properties: Record<string, unknown> = {}): this {
    this.now += this.rng.int(150, 900);
    return this.emit(event, properties);
  }

  /** An `$exception` event: its `$exception_list` and any properties PostHog's processing added. */
  exception(properties: { $exception_list: ExceptionEntry[] } & Record<string, unknown>): this {
    this.now += this.rng.int(30, 600);
    return this.emit("$exception", { $exception_level: "error", ...properties });
  }

  pageleave(): this {
    this.now += this.rng.int(200, 4000);
    return this.emit("$pageleave", this.pathname ? { $prev_pageview_pathname: this.pathname, $prev_pageview_duration: this.pageSeconds() } : {});
  }

  /** The session's last event: the page is left, or the app goes to the background. */
  end(): this {
    if (this.origin) return this.pageleave();
    this.now += this.rng.int(500, 5000);
    return this.emit("Application Backgrounded", {});
  }

  /** An event sent by the product's server (posthog-node): same person, no page and no session id. */
  serverEvent(event: string, properties: Record<string, unknown>, offsetMs: number): PostHogRow {
    const at = this.now + offsetMs;
    const row = this.row(event, { $lib: "posthog-node", $lib_version: "4.18.0", $geoip_disable: true, ...properties }, "", at);
    this.rows.push(row);
    return row;
  }

  private landing(): Record<string, unknown> {
    if (this.landed) return {};
    this.landed = true;
    const referringDomain = this.visitor.referrer === "$direct" ? "$direct" : new URL(this.visitor.referrer).hostname;
    return { $referrer: this.visitor.referrer, $referring_domain: referringDomain, ...(this.visitor.utm ?? {}) };
  }

  private pageSeconds(): number {
    return Math.round((this.now - this.pageStart) / 100) / 10;
  }

  private emit(event: string, properties: Record<string, unknown>, chain = ""): this {
    const page: Record<string, unknown> = this.origin
      ? { $current_url: this.url, $host: this.url ? new URL(this.url).host : null, $pathname: this.pathname, $window_id: this.windowId }
      : { $screen_name: this.screenName };
    this.rows.push(this.row(event, { ...this.visitor.context, ...page, $session_id: this.sessionId, ...properties }, chain, this.now));
    return this;
  }

  private row(event: string, properties: Record<string, unknown>, chain: string, at: number): PostHogRow {
    const createdAt = at + this.rng.int(200, 4000);
    const clean = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined && v !== null));
    return {
      uuid: uuidV7(this.rng, at, (this.key * 4099 + this.rows.length) >>> 0),
      event,
      distinct_id: this.visitor.distinctId,
      person_id: this.visitor.personId,
      properties: { distinct_id: this.visitor.distinctId, $time: at / 1000, ...clean },
      person_properties: this.visitor.person,
      elements_chain: chain,
      timestamp: micro(at),
      created_at: micro(createdAt),
      _inserted_at: micro(createdAt + this.rng.int(1000, 60_000)),
    };
  }
}
