/**
 * Builders for hand-made analytics events, shared by the warehouse and connector tests.
 * Every value is explicit so that a test can compute its expected figures by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoredEvent } from "../state/session.js";

/** A fresh temp folder for one test: `selfheal-XXXXXX`. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfheal-"));
}

/** An instant on Monday 2026-01-05 (ISO week 2026-W02), `offsetSec` seconds after 10:00:00 UTC. */
export function at(offsetSec: number, day = "2026-01-05"): string {
  return new Date(Date.parse(`${day}T10:00:00.000Z`) + offsetSec * 1000).toISOString();
}

/** A warehouse event; `sessionId: null` makes it sessionless. */
export function storedEvent(
  uuid: string,
  fields: { event?: string; at?: string; sessionId?: string | null; distinctId?: string; properties?: Record<string, unknown> } = {},
): StoredEvent {
  return {
    uuid,
    event: fields.event ?? "$pageview",
    distinctId: fields.distinctId ?? "user-1",
    timestamp: fields.at ?? at(0),
    sessionId: fields.sessionId === undefined ? "s1" : fields.sessionId,
    properties: fields.properties ?? {},
  };
}

/** One record of a PostHog JSON-lines export, as PostHog writes it. */
export interface PostHogRecord {
  uuid?: string;
  event?: string;
  distinct_id?: string;
  timestamp?: string | number;
  properties?: Record<string, unknown>;
  /** The person's properties as PostHog exports them beside the event's. */
  person_properties?: Record<string, unknown>;
}

/** A valid PostHog export record; `session: null` leaves out `$session_id`. */
export function posthogRecord(
  uuid: string,
  fields: { event?: string; at?: string; session?: string | null; distinctId?: string; pathname?: string } = {},
): PostHogRecord {
  const properties: Record<string, unknown> = { $pathname: fields.pathname ?? "/app" };
  if (fields.session !== null) properties["$session_id"] = fields.session ?? "s1";
  return {
    uuid,
    event: fields.event ?? "$pageview",
    distinct_id: fields.distinctId ?? "user-1",
    timestamp: fields.at ?? at(0),
    properties,
  };
}

/** JSON-lines text: objects are serialized, strings are written verbatim (for malformed lines). */
export function jsonLines(lines: (PostHogRecord | Record<string, unknown> | string)[]): string {
  return `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;
}

/** Writes `name` in `dir` and returns its absolute path. */
export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** One event of an Amplitude export; `session: -1` is Amplitude's "no session". */
export function amplitudeRecord(
  insertId: string,
  fields: { type?: string; at?: string; session?: number; user?: string | null; device?: string; props?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    $insert_id: insertId,
    event_type: fields.type ?? "[Amplitude] Page Viewed",
    event_time: (fields.at ?? at(0)).replace("T", " ").replace("Z", "000"), // "2026-01-05 10:00:00.000000", as Amplitude writes it
    user_id: fields.user === undefined ? "amp-user" : fields.user,
    device_id: fields.device ?? "device-1",
    session_id: fields.session ?? Date.parse(at(0)),
    event_properties: fields.props ?? {},
    os_name: "Chrome",
    device_type: "Mac",
  };
}

/** One Segment message; `page` messages carry the path in `context.page`. */
export function segmentRecord(
  messageId: string,
  fields: { type?: string; event?: string; at?: string; userId?: string; anonymousId?: string; path?: string; properties?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const path = fields.path ?? "/app";
  return {
    type: fields.type ?? "page",
    ...(fields.event ? { event: fields.event } : {}),
    messageId,
    ...(fields.userId ? { userId: fields.userId } : {}),
    anonymousId: fields.anonymousId ?? "anon-1",
    timestamp: fields.at ?? at(0),
    properties: fields.properties ?? {},
    context: { page: { path, url: `https://acme.test${path}`, referrer: "" } },
  };
}
