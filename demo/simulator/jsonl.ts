// Writes sessions as a PostHog-style JSON-lines export: one event per line.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { SimulatedSession } from "./types.js";

export async function writeSessionsJsonl(
  sessions: Iterable<SimulatedSession>,
  path: string,
): Promise<{ events: number; sessions: number }> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const failed = once(out, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  let events = 0;
  let count = 0;
  for (const session of sessions) {
    count += 1;
    let chunk = "";
    for (const event of session.events) {
      chunk += `${JSON.stringify(event)}\n`;
      events += 1;
    }
    // Respect backpressure so a 100,000-session week never sits in memory.
    if (!out.write(chunk)) await Promise.race([once(out, "drain"), failed]);
  }
  out.end();
  await Promise.race([once(out, "finish"), failed]);
  return { events, sessions: count };
}
