// Builds one session's PostHog events in time order: pageviews, autocapture clicks,
// rage and dead clicks, custom events, exceptions and page leaves.
import { type Rng, uuidV4 } from "./prng.js";
import type { ExceptionEntry, PostHogEvent } from "./types.js";
import type { UiElement } from "./ui.js";

export const APP_ORIGIN = "https://app.acme.dev";
const APP_HOST = "app.acme.dev";

export interface Device {
  $browser: string;
  $browser_version: number;
  $os: string;
  $os_version: string;
  $device_type: "Desktop" | "Mobile" | "Tablet";
  $screen_width: number;
  $screen_height: number;
}

export interface Utm {
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_term?: string;
}

export interface SessionIdentity {
  sessionKey: number;
  sessionId: string;
  windowId: string;
  distinctId: string;
  person: Record<string, string>;
  device: Device;
  /** Where the visit came from: a URL, or "$direct". */
  referrer: string;
}

export class SessionWriter {
  readonly events: PostHogEvent[] = [];
  /** Current time, ms since epoch. */
  now: number;
  private url = "";
  private pathname = "";
  private pageStart = 0;
  private entry = true;
  private readonly referringDomain: string;

  constructor(
    readonly rng: Rng,
    readonly id: SessionIdentity,
    startMs: number,
  ) {
    this.now = startMs;
    this.referringDomain = id.referrer === "$direct" ? "$direct" : new URL(id.referrer).host;
  }

  /** Lets between `minSeconds` and `maxSeconds` pass. */
  wait(minSeconds: number, maxSeconds: number): this {
    this.now += Math.round(this.rng.between(minSeconds, maxSeconds) * 1000);
    return this;
  }

  pageview(path: string, utm?: Utm): this {
    const extra: Record<string, unknown> = {};
    if (this.url !== "") {
      extra.$prev_pageview_pathname = this.pathname;
      extra.$prev_pageview_duration = this.pageSeconds();
    }
    this.url = APP_ORIGIN + path;
    this.pathname = path.split("?")[0] ?? path;
    this.pageStart = this.now;
    if (this.entry && utm) Object.assign(extra, utm);
    this.entry = false;
    return this.emit("$pageview", extra);
  }

  click(el: UiElement): this {
    this.now += this.rng.int(300, 2500);
    return this.emit("$autocapture", { $event_type: "click", $el_text: el.text, $elements_chain: el.chain });
  }

  /** PostHog fires $rageclick after three or more fast clicks on one element. */
  rageclick(el: UiElement): this {
    const clicks = this.rng.int(3, 7);
    for (let i = 0; i < clicks; i += 1) {
      this.now += this.rng.int(120, 350);
      this.emit("$autocapture", { $event_type: "click", $el_text: el.text, $elements_chain: el.chain });
    }
    return this.emit("$rageclick", { $el_text: el.text, $elements_chain: el.chain });
  }

  /** A click that changed nothing on the page (no mutation, scroll or navigation). */
  deadClick(el: UiElement): this {
    this.now += this.rng.int(500, 3000);
    const clickedAt = this.now;
    this.now += 3000;
    return this.emit("$dead_click", {
      $el_text: el.text,
      $elements_chain: el.chain,
      $dead_click_event_timestamp: new Date(clickedAt).toISOString(),
      $dead_click_absolute_delay_ms: 3000,
      $dead_click_absolute_timeout: true,
      $dead_click_scroll_timeout: true,
      $dead_click_mutation_timeout: true,
      $dead_click_selection_changed_timeout: true,
    });
  }

  capture(event: string, properties: Record<string, unknown> = {}): this {
    return this.emit(event, properties);
  }

  exception(entry: ExceptionEntry): this {
    this.now += this.rng.int(50, 900);
    return this.emit("$exception", { $exception_list: [entry], $exception_level: "error" });
  }

  /** Closes the session: the tab is closed or the user navigates away. */
  leave(): this {
    return this.emit("$pageleave", { $prev_pageview_pathname: this.pathname, $prev_pageview_duration: this.pageSeconds() });
  }

  private pageSeconds(): number {
    return Math.round((this.now - this.pageStart) / 100) / 10;
  }

  private emit(event: string, extra: Record<string, unknown>): this {
    const { id } = this;
    const { device } = id;
    // Assigned key by key (not spread): this runs a few million times for a large week.
    const properties: Record<string, unknown> = {
      $browser: device.$browser,
      $browser_version: device.$browser_version,
      $os: device.$os,
      $os_version: device.$os_version,
      $device_type: device.$device_type,
      $screen_width: device.$screen_width,
      $screen_height: device.$screen_height,
      $lib: "web",
      $lib_version: "1.236.1",
      $session_id: id.sessionId,
      $window_id: id.windowId,
      $current_url: this.url,
      $host: APP_HOST,
      $pathname: this.pathname,
      $referrer: id.referrer,
      $referring_domain: this.referringDomain,
    };
    for (const key in extra) properties[key] = extra[key];
    this.events.push({
      uuid: uuidV4(this.rng, id.sessionKey, this.events.length),
      event,
      distinct_id: id.distinctId,
      timestamp: new Date(this.now).toISOString(),
      properties,
      person_properties: id.person,
    });
    return this;
  }
}
