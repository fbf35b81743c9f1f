// Amplitude Export API rows (one JSON object per line, zone-less UTC times, `$insert_id`, `session_id` =
// the session's start in epoch ms) from the Browser SDK 2 with autocapture (page views, element clicks,
// frustration interactions, failed network requests), and the zip of hourly gzipped files the API returns.
import { gzipSync } from "node:zlib";
import { fmix32, type Rng } from "../../../demo/simulator/prng.js";
import { zipArchive } from "../../../testing/zip.js";

export type AmplitudeRow = Record<string, unknown> & { $insert_id: string; event_type: string; server_upload_time: string };

/** Who the events are from: fixed for the session. */
export interface AmplitudeUser {
  userId: string | null;
  deviceId: string;
  amplitudeId: number;
  userProperties: Record<string, unknown>;
  /** os_name, os_version, device_type, device_family, country, city, region, language. */
  device: Record<string, unknown>;
  /** The landing URL's query (an ad's utm_ parameters), added to the first page view. */
  landingQuery?: string;
}

export interface Clickable {
  tag: string;
  text: string;
  id?: string;
  classes?: string[];
}

const zoneless = (ms: number): string => new Date(ms).toISOString().replace("T", " ").replace("Z", "000");
const uuid = (rng: Rng): string => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${"89ab"[rng.int(0, 3)] ?? "8"}${rng.hex(3)}-${rng.hex(12)}`;

export class AmplitudeSession {
  readonly rows: AmplitudeRow[] = [];
  now: number;
  private readonly sessionId: number;
  private url = "";
  private pages = 0;

  constructor(
    readonly rng: Rng,
    readonly user: AmplitudeUser,
    startMs: number,
    private readonly origin: string,
    private readonly appId: number,
  ) {
    this.now = startMs;
    this.sessionId = startMs;
    this.push("session_start", {});
  }

  get anchor(): string {
    const first = this.rows[0];
    if (!first) throw new Error("empty session");
    return first.$insert_id;
  }

  wait(minSeconds: number, maxSeconds = minSeconds): this {
    this.now += Math.round(this.rng.between(minSeconds, maxSeconds) * 1000);
    return this;
  }

  /** A page view of a path on the session's origin, or of a full URL (another subdomain). */
  pageView(pathOrUrl: string, title: string): this {
    const landing = this.pages === 0 && this.user.landingQuery ? `${pathOrUrl.includes("?") ? "&" : "?"}${this.user.landingQuery}` : "";
    this.url = `${pathOrUrl.startsWith("https://") ? "" : this.origin}${pathOrUrl}${landing}`;
    this.pages++;
    const url = new URL(this.url);
    return this.push("[Amplitude] Page Viewed", {
      "[Amplitude] Page Domain": url.host,
      "[Amplitude] Page Location": this.url,
      "[Amplitude] Page Path": url.pathname,
      "[Amplitude] Page Title": title,
      "[Amplitude] Page URL": `${url.origin}${url.pathname}`,
      "[Amplitude] Page Counter": this.pages,
    });
  }

  click(el: Clickable): this {
    this.now += this.rng.int(400, 2500);
    return this.push("[Amplitude] Element Clicked", this.elementProperties(el));
  }

  rageClick(el: Clickable): this {
    const begin = this.now + this.rng.int(300, 1500);
    const count = this.rng.int(4, 7);
    const clicks = Array.from({ length: count }, (_, i) => ({ X: 640 + this.rng.int(-3, 3), Y: 412 + this.rng.int(-3, 3), Time: begin + i * this.rng.int(90, 220) }));
    this.now = (clicks.at(-1)?.Time ?? begin) + 50;
    return this.push("[Amplitude] Rage Click", { ...this.elementProperties(el), "[Amplitude] Begin Time": new Date(begin).toISOString(), "[Amplitude] End Time": new Date(this.now).toISOString(), "[Amplitude] Duration": this.now - begin, "[Amplitude] Clicks": clicks, "[Amplitude] Click Count": count });
  }

  deadClick(el: Clickable): this {
    this.now += this.rng.int(500, 2500) + 3000;
    return this.push("[Amplitude] Dead Click", { ...this.elementProperties(el), "[Amplitude] X": 530 + this.rng.int(0, 200), "[Amplitude] Y": 300 + this.rng.int(0, 200) });
  }

  /** A failed request captured by network tracking. */
  networkRequest(url: string, method: string, status: number): this {
    this.now += this.rng.int(100, 900);
    const duration = this.rng.int(40, 900);
    const parsed = new URL(url);
    return this.push("[Amplitude] Network Request", {
      "[Amplitude] URL": `${parsed.origin}${parsed.pathname}`,
      "[Amplitude] URL Query": parsed.search.slice(1),
      "[Amplitude] URL Fragment": "",
      "[Amplitude] Request Method": method,
      "[Amplitude] Status Code": status,
      "[Amplitude] Start Time": this.now - duration,
      "[Amplitude] Completion Time": this.now,
      "[Amplitude] Duration": duration,
    });
  }

  track(event: string, properties: Record<string, unknown> = {}): this {
    this.now += this.rng.int(150, 900);
    return this.push(event, properties);
  }

  end(): this {
    this.now += this.rng.int(200, 2000);
    return this.push("session_end", {});
  }

  private elementProperties(el: Clickable): Record<string, unknown> {
    const selector = `${el.tag}${el.id ? `#${el.id}` : ""}${(el.classes ?? []).map((c) => `.${c}`).join("")}`;
    return {
      "[Amplitude] Element Tag": el.tag,
      "[Amplitude] Element Text": el.text,
      "[Amplitude] Element ID": el.id ?? "",
      "[Amplitude] Element Class": (el.classes ?? []).join(" "),
      "[Amplitude] Element Selector": selector,
      "[Amplitude] Element Hierarchy": [{ tag: el.tag, id: el.id, classes: el.classes }, { tag: "main", id: "content" }, { tag: "body" }],
      "[Amplitude] Page URL": this.url.split("?")[0],
      "[Amplitude] Viewport Width": 1512,
      "[Amplitude] Viewport Height": 864,
    };
  }

  private push(eventType: string, eventProperties: Record<string, unknown>): this {
    const uploaded = this.now + this.rng.int(500, 10_000);
    const id = uuid(this.rng);
    this.rows.push({
      $insert_id: id,
      $schema: 12,
      adid: null,
      amplitude_attribution_ids: null,
      amplitude_event_type: null,
      amplitude_id: this.user.amplitudeId,
      app: this.appId,
      city: this.user.device["city"] ?? null,
      client_event_time: zoneless(this.now),
      client_upload_time: zoneless(uploaded - 300),
      country: this.user.device["country"] ?? null,
      data: {},
      data_type: "event",
      device_brand: null,
      device_carrier: null,
      device_family: this.user.device["device_family"] ?? null,
      device_id: this.user.deviceId,
      device_manufacturer: null,
      device_model: null,
      device_type: this.user.device["device_type"] ?? null,
      dma: null,
      event_id: this.rows.length + 1,
      event_properties: eventProperties,
      event_time: zoneless(this.now),
      event_type: eventType,
      global_user_properties: {},
      group_properties: {},
      groups: {},
      idfa: null,
      ip_address: null,
      is_attribution_event: false,
      language: this.user.device["language"] ?? "English",
      library: "amplitude-ts/2.11.10",
      location_lat: null,
      location_lng: null,
      os_name: this.user.device["os_name"] ?? null,
      os_version: this.user.device["os_version"] ?? null,
      partner_id: null,
      paying: null,
      platform: "Web",
      processed_time: zoneless(uploaded + 1200),
      region: this.user.device["region"] ?? null,
      sample_rate: null,
      server_received_time: zoneless(uploaded),
      server_upload_time: zoneless(uploaded + 40),
      session_id: this.sessionId,
      source_id: null,
      start_version: null,
      user_creation_time: null,
      user_id: this.user.userId,
      user_properties: this.user.userProperties,
      uuid: uuid(this.rng),
      version_name: null,
    });
    return this;
  }
}

/** A stable Amplitude id for a device. */
export const amplitudeIdOf = (key: number): number => 100_000_000_000 + (fmix32(key) % 900_000_000);

/** The Export API's zip: one gzipped JSON-lines file per upload hour, `<app>/<app>_YYYY-MM-DD_H#0.json.gz`. */
export function amplitudeZip(appId: number, rows: AmplitudeRow[]): Buffer {
  const byHour = new Map<string, AmplitudeRow[]>();
  for (const row of [...rows].sort((a, b) => a.server_upload_time.localeCompare(b.server_upload_time) || a.$insert_id.localeCompare(b.$insert_id))) {
    const [day, time] = row.server_upload_time.split(" ");
    const name = `${appId}/${appId}_${day}_${Number(time?.slice(0, 2))}#0.json.gz`;
    const list = byHour.get(name) ?? [];
    list.push(row);
    byHour.set(name, list);
  }
  return zipArchive([...byHour].map(([name, list]) => ({ name, data: gzipSync(list.map((r) => JSON.stringify(r)).join("\n") + "\n") })));
}
