// The user base: a stable person (fake @example.com email, plan) and device per user.
import { deriveSeed, fmix32, hex8, Rng } from "./prng.js";
import type { Device } from "./session-writer.js";

const FIRST = ["ada", "grace", "linus", "margaret", "alan", "barbara", "ken", "radia", "tim", "frances", "dennis", "hedy", "john", "katherine", "edsger", "sophie"];
const LAST = ["lovelace", "hopper", "torvalds", "hamilton", "turing", "liskov", "thompson", "perlman", "berners", "allen", "ritchie", "lamarr", "backus", "johnson", "dijkstra", "wilson"];

const DEVICES: readonly Device[] = [
  { $browser: "Chrome", $browser_version: 131, $os: "Mac OS X", $os_version: "14.6.1", $device_type: "Desktop", $screen_width: 1728, $screen_height: 1117 },
  { $browser: "Chrome", $browser_version: 130, $os: "Windows", $os_version: "10.0", $device_type: "Desktop", $screen_width: 1920, $screen_height: 1080 },
  { $browser: "Safari", $browser_version: 18, $os: "Mac OS X", $os_version: "15.1", $device_type: "Desktop", $screen_width: 1512, $screen_height: 982 },
  { $browser: "Firefox", $browser_version: 132, $os: "Windows", $os_version: "10.0", $device_type: "Desktop", $screen_width: 1536, $screen_height: 864 },
  { $browser: "Microsoft Edge", $browser_version: 131, $os: "Windows", $os_version: "10.0", $device_type: "Desktop", $screen_width: 2560, $screen_height: 1440 },
  { $browser: "Mobile Safari", $browser_version: 18, $os: "iOS", $os_version: "18.1", $device_type: "Mobile", $screen_width: 393, $screen_height: 852 },
  { $browser: "Chrome", $browser_version: 131, $os: "Android", $os_version: "14.0", $device_type: "Mobile", $screen_width: 412, $screen_height: 915 },
];

export interface User {
  distinctId: string;
  person: Record<string, string>;
  device: Device;
}

/** User `index` of the pool; the same seed and index always give the same user. */
export function userAt(seed: number, index: number): User {
  const rng = new Rng(deriveSeed(seed ^ 0x2545f491, index));
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  return {
    distinctId: `u_${hex8(fmix32((index ^ fmix32(seed)) >>> 0))}`,
    person: {
      email: `${first}.${last}${index % 100}@example.com`,
      name: `${first[0]?.toUpperCase() ?? ""}${first.slice(1)} ${last[0]?.toUpperCase() ?? ""}${last.slice(1)}`,
      plan: rng.pick(["starter", "team", "team", "business"]),
    },
    device: rng.pick(DEVICES),
  };
}

export function randomDevice(rng: Rng): Device {
  return rng.pick(DEVICES);
}
