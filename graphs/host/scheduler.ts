import { Cron } from "croner";

export interface ScheduledJob {
  name: string;
  cron: string;
  run: () => Promise<void>;
}

/** Time as the scheduler sees it: real by default, a fake one in tests. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

export interface JobOutcome {
  name: string;
  at: Date;
  error: string | null;
}

/**
 * The one-machine scheduler: jobs on cron expressions, run one at a time (a slow gather never
 * overlaps a triage), a failed job logged and the schedule kept. Runs missed while it was down are
 * not replayed: every stage catches up on its own next run, because every stage is idempotent.
 */
export class Scheduler {
  private readonly crons: { job: ScheduledJob; cron: Cron }[];

  constructor(
    jobs: ScheduledJob[],
    private readonly opts: { timezone: string; clock?: Clock; onOutcome?: (o: JobOutcome) => void },
  ) {
    this.crons = jobs.map((job) => ({ job, cron: new Cron(job.cron, { paused: true, timezone: opts.timezone }) }));
  }

  /** The next `count` runs after `from`, in time order. */
  upcoming(from: Date, count: number): { name: string; at: Date }[] {
    const runs: { name: string; at: Date }[] = [];
    for (const { job, cron } of this.crons) {
      for (const at of cron.nextRuns(count, from)) runs.push({ name: job.name, at });
    }
    return runs.sort((a, b) => a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name)).slice(0, count);
  }

  /** Runs until the signal aborts. */
  async start(signal: AbortSignal): Promise<void> {
    const clock = this.opts.clock ?? realClock;
    let from = clock.now();
    while (!signal.aborted) {
      const due = this.dueAfter(from);
      if (!due) return;
      await clock.sleep(Math.max(0, due.at.getTime() - clock.now().getTime()), signal);
      if (signal.aborted) return;
      for (const job of due.jobs) {
        let error: string | null = null;
        try {
          await job.run();
        } catch (err) {
          error = (err as Error).message;
        }
        this.opts.onOutcome?.({ name: job.name, at: due.at, error });
        if (signal.aborted) return;
      }
      // Slots that passed while a job ran are skipped, not replayed one by one.
      from = new Date(Math.max(due.at.getTime(), clock.now().getTime()));
    }
  }

  /** The earliest moment after `from` at which any job is due, with every job due then. */
  private dueAfter(from: Date): { at: Date; jobs: ScheduledJob[] } | null {
    let at: Date | null = null;
    let jobs: ScheduledJob[] = [];
    for (const { job, cron } of this.crons) {
      const next = cron.nextRun(from);
      if (!next) continue;
      if (!at || next.getTime() < at.getTime()) {
        at = next;
        jobs = [job];
      } else if (next.getTime() === at.getTime()) jobs.push(job);
    }
    return at ? { at, jobs } : null;
  }
}
