import type { StoredEvent } from "../../state/session.js";
import { domainOf, isObject, objectField, parseTimestamp, pathOf, RecordError, stringOr } from "../record.js";

const TYPES = ["track", "page", "screen", "identify", "group", "alias"] as const;
type SegmentType = (typeof TYPES)[number];
const EVENT_OF: Record<Exclude<SegmentType, "track">, string> = {
  page: "$pageview",
  screen: "$screen",
  identify: "$identify",
  group: "$groupidentify",
  alias: "$create_alias",
};
const CAMPAIGN_KEYS = ["source", "medium", "name", "term", "content"] as const;

/**
 * One Segment message (the Tracking API spec, as warehouses and S3 exports store it): `type`,
 * `messageId` (the deduplication key), `userId` / `anonymousId`, `timestamp`, `properties`, and
 * `context.page` / `context.campaign`. Segment has no sessions; the import infers them per user.
 */
export function parseSegmentEvent(record: unknown): StoredEvent {
  if (!isObject(record)) throw new RecordError("expected a JSON object");
  const type = record["type"];
  if (typeof type !== "string" || !(TYPES as readonly string[]).includes(type)) {
    throw new RecordError(`type must be one of ${TYPES.join(", ")}`, "type");
  }
  const uuid = stringOr(record["messageId"]);
  if (!uuid) throw new RecordError("missing messageId", "messageId");
  const timestamp = parseTimestamp(record["timestamp"] ?? record["originalTimestamp"] ?? record["receivedAt"], "timestamp");
  const distinctId = stringOr(record["userId"]) ?? stringOr(record["anonymousId"]);
  if (!distinctId) throw new RecordError("missing userId and anonymousId", "anonymousId");
  let event: string;
  if (type === "track") {
    const name = stringOr(record["event"]);
    if (!name) throw new RecordError("a track message needs an event name", "event");
    event = name;
  } else {
    event = EVENT_OF[type as Exclude<SegmentType, "track">];
  }
  // A CSV export or warehouse table keeps these objects as JSON text columns.
  const props: Record<string, unknown> = { ...objectField(record, "properties") };
  const context = objectField(record, "context") ?? {};
  const properties: Record<string, unknown> = { ...props, ...pageProperties(type === "page" ? props : {}, context), ...campaign(context) };
  if (type === "screen" && stringOr(record["name"])) properties["$screen_name"] = record["name"];
  const traits = type === "identify" ? objectField(record, "traits") : null;
  if (traits) properties["$set"] = traits;
  const anonymousId = stringOr(record["anonymousId"]);
  if (anonymousId) properties["$anon_distinct_id"] = anonymousId;
  const os = isObject(context["os"]) ? stringOr(context["os"]["name"]) : null;
  const device = isObject(context["device"]) ? stringOr(context["device"]["type"]) : null;
  if (os) properties["$os"] = os;
  if (device) properties["$device_type"] = device;
  return { uuid, event, distinctId, timestamp, sessionId: null, properties };
}

/**
 * Page messages carry path/url/referrer in properties; every web message has them in context.page. A
 * track message's properties are the product's own: its `path` or `url` is an API path or a link the
 * event is about (`API Error` on /api/v1/...), not the page the user was on.
 */
function pageProperties(props: Record<string, unknown>, context: Record<string, unknown>): Record<string, unknown> {
  const page = isObject(context["page"]) ? context["page"] : {};
  const url = stringOr(props["url"]) ?? stringOr(page["url"]);
  const path = stringOr(props["path"]) ?? stringOr(page["path"]) ?? pathOf(url);
  const referrer = stringOr(props["referrer"]) ?? stringOr(page["referrer"]);
  const out: Record<string, unknown> = {};
  if (url) out["$current_url"] = url;
  if (path) out["$pathname"] = path;
  if (referrer) {
    out["$referrer"] = referrer;
    out["$referring_domain"] = domainOf(referrer);
  }
  return out;
}

function campaign(context: Record<string, unknown>): Record<string, string> {
  const c = isObject(context["campaign"]) ? context["campaign"] : {};
  const out: Record<string, string> = {};
  for (const key of CAMPAIGN_KEYS) {
    const value = stringOr(c[key]);
    if (value) out[`utm_${key === "name" ? "campaign" : key}`] = value;
  }
  return out;
}
