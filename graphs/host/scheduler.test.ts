import { describe, it, expect } from "vitest";
import { Scheduler, type Clock } from "./scheduler.js";

/** A clock that jumps forward when slept on, so a week of schedule passes instantly. */
function fakeClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const DEFAULTS = { gather: "0 * * * *", triage: "0 9 * * 5", fix: "0 9 * * 6", digest: "0 8 * * 1" };

describe("Scheduler", () => {
  it("runs gather hourly, triage Friday, fix Saturday and the digest Monday, in time order", async () => {
    const clock = fakeClock("2026-11-26T23:30:00Z"); // a Thursday
    const ran: string[] = [];
    const controller = new AbortController();
    const jobs = Object.entries(DEFAULTS).map(([name, cron]) => ({
      name,
      cron,
      run: async () => {
        ran.push(`${name}@${clock.now().toISOString().slice(5, 16)}`);
        if (ran.length === 200) controller.abort();
      },
    }));
    await new Scheduler(jobs, { timezone: "UTC", clock }).start(controller.signal);
    const special = ran.filter((r) => !r.startsWith("gather"));
    expect(special).toEqual(["triage@11-27T09:00", "fix@11-28T09:00", "digest@11-30T08:00", "triage@12-04T09:00"]);
    expect(ran[0]).toBe("gather@11-27T00:00");
    expect(ran.filter((r) => r.startsWith("gather")).length).toBe(196);
    // the gather and the triage due at the same minute both run, gather first (declared first)
    expect(ran.indexOf("triage@11-27T09:00")).toBe(ran.indexOf("gather@11-27T09:00") + 1);
  });

  it("keeps the schedule after a failing job, and skips slots missed while a job ran long", async () => {
    const clock = fakeClock("2026-11-26T00:10:00Z");
    const outcomes: string[] = [];
    const controller = new AbortController();
    let calls = 0;
    const jobs = [
      {
        name: "gather",
        cron: "0 * * * *",
        run: async () => {
          calls++;
          if (calls === 1) throw new Error("warehouse locked");
          if (calls === 2) clock.advance(3 * 3_600_000 + 60_000); // ran for three hours
        },
      },
    ];
    const scheduler = new Scheduler(jobs, {
      timezone: "UTC",
      clock,
      onOutcome: (o) => {
        outcomes.push(`${o.at.toISOString().slice(11, 16)} ${o.error ?? "ok"}`);
        if (outcomes.length === 4) controller.abort();
      },
    });
    await scheduler.start(controller.signal);
    expect(outcomes).toEqual(["01:00 warehouse locked", "02:00 ok", "06:00 ok", "07:00 ok"]);
  });

  it("lists upcoming runs in the profile's time zone", () => {
    const scheduler = new Scheduler([{ name: "digest", cron: "0 8 * * 1", run: async () => undefined }], { timezone: "America/New_York" });
    const [next] = scheduler.upcoming(new Date("2026-11-26T00:00:00Z"), 1);
    expect(next?.at.toISOString()).toBe("2026-11-30T13:00:00.000Z");
  });
});
