import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationPattern, shortName } from "./app-source.js";
import { appDir, SCENARIO_NAMES, SCENARIO_SHARES, simulateWeek, writeSessionsJsonl } from "./index.js";
import type { ExceptionEntry, PostHogEvent, SimulatedSession } from "./types.js";

const WEEK = new Date("2025-03-03T00:00:00.000Z");
const WEEK_END = WEEK.getTime() + 7 * 24 * 3_600_000;
const SUCCESS = new Set(["workflow_created", "workflow_published", "integration_connected", "import_completed", "tool_run_succeeded"]);

const week = (sessions: number, seed = 42): SimulatedSession[] => [...simulateWeek({ sessions, seed, weekStart: WEEK })];
const sample = week(2000);
const allEvents = sample.flatMap((s) => s.events);
const minutes = (s: SimulatedSession): number =>
  (Date.parse(s.events.at(-1)?.timestamp ?? "") - Date.parse(s.events[0]?.timestamp ?? "")) / 60_000;
const exceptions = (events: PostHogEvent[]): ExceptionEntry[] =>
  events.filter((e) => e.event === "$exception").flatMap((e) => e.properties.$exception_list as ExceptionEntry[]);

describe("determinism", () => {
  it("same seed and week give the same events; another seed does not", () => {
    expect(JSON.stringify(week(300, 9))).toBe(JSON.stringify(week(300, 9)));
    expect(JSON.stringify(week(300, 10))).not.toBe(JSON.stringify(week(300, 9)));
  });

  it("writes byte-identical JSON lines for the same seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acme-sim-"));
    try {
      const a = await writeSessionsJsonl(simulateWeek({ sessions: 500, seed: 3, weekStart: WEEK }), join(dir, "a.jsonl"));
      await writeSessionsJsonl(simulateWeek({ sessions: 500, seed: 3, weekStart: WEEK }), join(dir, "b.jsonl"));
      const text = readFileSync(join(dir, "a.jsonl"), "utf8");
      expect(text).toBe(readFileSync(join(dir, "b.jsonl"), "utf8"));
      const lines = text.trimEnd().split("\n");
      expect(a.sessions).toBe(500);
      expect(lines).toHaveLength(a.events);
      expect((JSON.parse(lines[0] ?? "{}") as PostHogEvent).properties.$session_id).toBeTypeOf("string");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("scenarios", () => {
  it("hold their shares for 2,000 sessions", () => {
    for (const name of SCENARIO_NAMES) {
      const share = sample.filter((s) => s.scenario === name).length / sample.length;
      if (name !== "bug_rare_timezone") expect(Math.abs(share - SCENARIO_SHARES[name]), name).toBeLessThan(0.01);
    }
  });

  it.each([100, 2000, 10_000])("plants exactly 2 rare-bug sessions in %i", (size) => {
    const sessions = size === 2000 ? sample : week(size, 5);
    expect(sessions.filter((s) => s.scenario === "bug_rare_timezone")).toHaveLength(2);
  });

  it("engaged users stay 10-30 minutes and reach 1-3 distinct success events", () => {
    for (const s of sample.filter((x) => x.scenario === "happy_engaged")) {
      expect(minutes(s)).toBeGreaterThanOrEqual(10);
      expect(minutes(s)).toBeLessThanOrEqual(30);
      const reached = new Set(s.events.map((e) => e.event).filter((e) => SUCCESS.has(e)));
      expect(reached.size).toBeGreaterThanOrEqual(1);
      expect(reached.size).toBeLessThanOrEqual(3);
    }
  });

  it("bug sessions show the error, mostly without success, and end within a few minutes", () => {
    const bugs = sample.filter((s) => s.scenario.startsWith("bug_"));
    for (const s of bugs) {
      expect(exceptions(s.events).length).toBeGreaterThan(0);
      expect(minutes(s)).toBeLessThan(5);
    }
    const recovered = bugs.filter((s) => s.events.some((e) => SUCCESS.has(e.event))).length;
    expect(recovered / bugs.length).toBeLessThan(0.2);
    expect(sample.some((s) => s.scenario === "bug_hubspot_scope" && s.events.some((e) => e.event === "$rageclick"))).toBe(true);
  });

  it("improvement sessions search help for scheduling and click the dead Publish label", () => {
    const searches = allEvents.filter((e) => e.event === "help_searched");
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((e) => /schedul|every|recurring|repeat|cron/.test(String(e.properties.query)))).toBe(true);
    const dead = allEvents.filter((e) => e.event === "$dead_click" && e.properties.$el_text === "Publish");
    expect(dead.length).toBeGreaterThan(sample.filter((s) => s.scenario === "confusing_publish").length);
  });

  it("wrong-product bounces come from a search ad about something else and leave within seconds", () => {
    for (const s of sample.filter((x) => x.scenario === "bounce_wrong_product")) {
      expect(s.events[0]?.properties.utm_term).toMatch(/^acme /);
      expect(minutes(s) * 60).toBeLessThan(15);
    }
  });
});

describe("events", () => {
  it("have PostHog's shape, stay in the week and in time order", () => {
    for (const s of sample) {
      let last = 0;
      for (const e of s.events) {
        expect(e.distinct_id).toBe(s.distinctId);
        expect(e.properties.$session_id).toBe(s.sessionId);
        expect(e.properties.$current_url).toMatch(/^https:\/\/app\.acme\.dev\//);
        const t = Date.parse(e.timestamp);
        expect(e.timestamp).toBe(new Date(t).toISOString());
        expect(t).toBeGreaterThanOrEqual(Math.max(last, WEEK.getTime()));
        expect(t).toBeLessThan(WEEK_END);
        last = t;
      }
      expect(s.events.at(-1)?.event).toBe("$pageleave");
      expect(s.events.at(-1)?.properties.$prev_pageview_duration).toBeTypeOf("number");
    }
  });

  it("have unique uuids in UUID v4 shape", () => {
    const ids = allEvents.map((e) => e.uuid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(sample.map((s) => s.sessionId)).size).toBe(sample.length);
  });

  it("carry emails for identified users and a few secrets in URLs, for redaction to find", () => {
    expect(allEvents.some((e) => e.person_properties.email?.endsWith("@example.com"))).toBe(true);
    const urls = allEvents.map((e) => String(e.properties.$current_url));
    expect(urls.some((u) => u.includes("token=sk_live_"))).toBe(true);
    expect(urls.some((u) => u.includes("email="))).toBe(true);
  });

  it("vary the ids in error messages", () => {
    const values = exceptions(allEvents).filter((x) => x.type === "HubSpotApiError").map((x) => x.value);
    expect(new Set(values).size).toBeGreaterThan(10);
  });
});

describe("exception stacks", () => {
  const entries = exceptions(allEvents);
  const lines = (file: string): string[] => readFileSync(join(appDir(), file), "utf8").split("\n");
  const appFile = (filename: string): string => filename.replace(/^webpack:\/\/\/\.\//, "").replace(/^\/srv\/acme\//, "");

  it("point in-app frames at real files and lines of demo/app", () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) {
      const inApp = entry.stacktrace.frames.filter((f) => f.in_app);
      expect(inApp.length).toBeGreaterThanOrEqual(4);
      inApp.forEach((frame, i) => {
        const file = appFile(frame.filename);
        expect(existsSync(join(appDir(), file)), file).toBe(true);
        const source = lines(file);
        const text = source[frame.lineno - 1] ?? "";
        // The frame's function is declared at or above its line.
        const declared = source.findIndex((l) => declarationPattern(shortName(frame.function)).test(l));
        expect(declared, `${file}: ${frame.function}`).toBeGreaterThanOrEqual(0);
        expect(declared).toBeLessThan(frame.lineno);
        const next = inApp[i + 1];
        if (next) {
          // Callers point at the call of the next frame (the router calls handlers generically).
          expect(text.includes(shortName(next.function)) || text.includes("route.handler("), `${file}:${frame.lineno}`).toBe(true);
        } else {
          // The crash site throws the error, or (RangeError) calls the native that throws it.
          expect(text, `${file}:${frame.lineno}`).toContain(entry.type === "RangeError" ? "toISOString(" : `new ${entry.type}`);
        }
      });
    }
  });

  it("list frames outermost first, with vendor frames and varied path styles", () => {
    for (const entry of entries) expect(entry.stacktrace.frames[0]?.filename).toBe("node:internal/process/task_queues");
    const frames = entries.flatMap((e) => e.stacktrace.frames);
    expect(frames.some((f) => !f.in_app && f.filename.includes("node_modules/"))).toBe(true);
    const styles = new Set(frames.filter((f) => f.in_app).map((f) => (f.filename.startsWith("webpack:") ? "w" : f.filename.startsWith("/") ? "a" : "r")));
    expect(styles.size).toBe(3);
  });
});

describe("scale", () => {
  it("streams 100,000 sessions without holding them", () => {
    const started = performance.now();
    const stream = simulateWeek({ sessions: 100_000, seed: 1, weekStart: WEEK });
    const first = stream.next();
    // The first session arrives before the other 99,999 are made.
    expect(first.done).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let sessions = 1;
    let events = first.done ? 0 : first.value.events.length;
    for (const s of stream) {
      sessions += 1;
      events += s.events.length;
      if (sessions % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(sessions).toBe(100_000);
    expect(events).toBeGreaterThan(1_000_000);
    // Two million events held at once would need several gigabytes; garbage not yet collected stays well below.
    expect(peak - before).toBeLessThan(1536 * 1024 * 1024);
  });
});
