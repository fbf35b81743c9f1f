import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { CrashWorld } from "../../testing/crashWorld.js";
import { seededRandom } from "../../testing/faultPlan.js";
import { drawKillPoint, phaseAfter, PHASES, RunWatch, stagesDone, workLeft, type KillPoint, type Phase, type Progress, type Timeline } from "../../testing/killPlan.js";
import { withWarehouse } from "../../testing/demoWeek.js";
import { listRuns } from "../host/runs.js";

const SESSIONS = 400;
const SKYNET_TICKETS = 2;
/**
 * Kills planned per episode (a kill point that the run gets past hands its share to the next phase; the
 * few left when the run ends are not made up, so at least 20 land): the import, then the weekly run by phase (gathering with a model, triage filing in Linear, Skynet coding and pushing, verify and review). */
const QUOTA: Record<"ingest" | Phase, number> = { ingest: 4, gather: 5, triage: 5, fix: 7, late: 6 };
const PER_EPISODE = Object.values(QUOTA).reduce((a, b) => a + b, 0);
/** `npm run soak` asks for more (SELFHEAL_SOAK_KILLS): as many episodes, each a fresh world with its own seed. */
const EPISODES = Math.max(1, Math.ceil(Number(process.env["SELFHEAL_SOAK_KILLS"] ?? PER_EPISODE) / PER_EPISODE));
const RESUMED = /resuming weekly-\S+ from its last checkpoint/;
/** The killed run had finished the thread (its last checkpoint written) before it could record so. */
const FINISHED = /weekly-\S+ had finished in the run started at \S+, killed before it could say so: nothing runs again/;

type KillPhase = "ingest" | Phase;
interface Kill {
  episode: number;
  phase: KillPhase;
  what: string;
  /** What was done when it landed. */
  reports: number;
  issues: number;
  pulls: number;
  ticketGateAnswered: boolean;
}
/** A run that followed a kill of a thread with stages finished: what it did again. */
interface Resume {
  episode: number;
  afterKill: string;
  finishedBefore: string[];
  ranAgain: string[];
  gathererRequests: number;
  /** How the run took the thread up: from its checkpoint, by answering the gate it was stopped at, as finished, or from the start. */
  tookUp: "checkpoint" | "gate" | "finished" | "start";
}

describe("a weekly run with models, Linear and GitHub, SIGKILLed again and again at random points, ends as a run never killed", () => {
  let clean: CrashWorld;
  let expected: Awaited<ReturnType<CrashWorld["outcome"]>>;
  let timeline: Timeline;
  const cleanMs = { ingest: 0, run: 0 };
  const kills: Kill[] = [];
  const resumes: Resume[] = [];
  const episodeMs: number[] = [];

  beforeAll(async () => {
    clean = await CrashWorld.create({ sessions: SESSIONS, seed: 61, skynetTickets: SKYNET_TICKETS });
    let t = Date.now();
    expect((await clean.ingest()).code).toBe(0);
    cleanMs.ingest = Date.now() - t;
    t = Date.now();
    const watch = new RunWatch(new Set(), () => clean.counts());
    const done = await clean.weekly((stderr) => (watch.update(stderr), false));
    expect(done.code, done.stderr).toBe(0);
    watch.update(done.stderr);
    cleanMs.run = Date.now() - t;
    timeline = watch.timeline as Timeline;
    expect(Object.keys(timeline).sort()).toEqual([...PHASES].sort());
    expected = await clean.outcome();
  }, 600_000);
  afterAll(() => clean?.stop());

  /** One fresh world: the import killed, then the weekly run killed phase by phase, each followed by another run. */
  async function episode(e: number): Promise<void> {
    const seed = 2026 + e;
    const random = seededRandom(seed);
    const started = Date.now();
    const world = await CrashWorld.create({ sessions: SESSIONS, seed: 61, skynetTickets: SKYNET_TICKETS });
    const trail = () => `episode ${e}, seed ${seed}; kills: ${kills.filter((k) => k.episode === e).map((k) => k.what).join("; ")}`;
    let ticketGateAnswered = false;
    const landed = async (phase: KillPhase, what: string) => {
      const reports = (await withWarehouse(world.demo, (h) => h.listReports({ week: world.demo.week }))).length;
      const state = { reports, issues: world.linear.issues.length, pulls: world.github?.pulls.length ?? 0, ticketGateAnswered };
      kills.push({ episode: e, phase, what: `${what} [reports ${state.reports}, Linear issues ${state.issues}, PRs ${state.pulls}]`, ...state });
    };
    try {
      for (let tries = 0, n = 0; n < QUOTA.ingest && tries < QUOTA.ingest * 3; tries++) {
        const at = Math.floor(random() * cleanMs.ingest);
        const t = Date.now();
        const r = await world.ingest(() => Date.now() - t >= at);
        if (r.signal !== "SIGKILL") expect(r.code, `${trail()}\n${r.stderr}`).toBe(0);
        else {
          await landed("ingest", `ingest: at ${at} ms`);
          n++;
        }
      }
      const imported = await world.ingest();
      expect(imported.code, imported.stderr).toBe(0);

      // Kills left per phase; a phase that ended before its kill landed hands its share to the next.
      const left: Record<Phase, number> = { gather: QUOTA.gather, triage: QUOTA.triage, fix: QUOTA.fix, late: QUOTA.late };
      const spent: Record<Phase, Progress[]> = { gather: [], triage: [], fix: [], late: [] };
      const finished = new Set<string>();
      let lastKill: string | null = null;
      for (let runs = 0; ; runs++) {
        expect(runs, trail()).toBeLessThan(PER_EPISODE * 3);
        const watch = new RunWatch(finished, () => world.counts(), ticketGateAnswered);
        const gathererBefore = world.counts().models.gatherer;
        const armed: { point: KillPoint | null } = { point: null };
        const r = await world.weekly((stderr) => {
          const phase = watch.update(stderr);
          if (phase !== armed.point?.phase) armed.point = phase && left[phase] > 0 ? drawKillPoint(phase, workLeft(timeline[phase], spent[phase]), left[phase], random) : null;
          const progress = watch.progress();
          return armed.point !== null && progress !== null && armed.point.fires(progress);
        });
        const ran = stagesDone(r.stderr);
        if (lastKill && finished.size > 0) {
          const tookUp = RESUMED.test(r.stderr) ? "checkpoint" : FINISHED.test(r.stderr) ? "finished" : /^gate \w+: accepted/m.test(r.stderr.split(/^stage /m)[0] ?? "") ? "gate" : "start";
          resumes.push({ episode: e, afterKill: lastKill, finishedBefore: [...finished], ranAgain: ran.filter((s) => finished.has(s)), gathererRequests: world.counts().models.gatherer - gathererBefore, tookUp });
        }
        for (const s of ran) finished.add(s);
        ticketGateAnswered ||= r.stderr.includes("gate file_tickets: accepted");
        // A kill that lands after the run recorded its success (while it closes and prints) ends a finished run.
        const recorded = r.signal === "SIGKILL" ? (await withWarehouse(world.demo, (h) => listRuns(h, 1)))[0]?.status : null;
        if (recorded === "succeeded") break;
        if (r.signal !== "SIGKILL") {
          expect(r.code, `${trail()}\n${r.stderr}`).toBe(0);
          expect(JSON.parse(r.stdout), trail()).toMatchObject({ status: "done" });
          break;
        }
        const killed = armed.point!;
        lastKill = killed.what;
        await landed(killed.phase, killed.what);
        left[killed.phase]--;
        const progress = watch.progress();
        if (progress) spent[killed.phase].push(progress);
        // a phase the thread got through before all its kills landed hands the rest on to the next
        const now = phaseAfter(finished);
        for (let i = 0; i < (now ? PHASES.indexOf(now) : PHASES.length - 1); i++) {
          left[PHASES[i + 1]!] += left[PHASES[i]!];
          left[PHASES[i]!] = 0;
        }
      }

      expect(await world.outcome(), trail()).toEqual(expected);
      // every killed run is recorded as interrupted, none left "running", and the last one succeeded
      const runs = await withWarehouse(world.demo, (h) => listRuns(h, 500));
      expect(runs.filter((r) => r.status === "running"), trail()).toEqual([]);
      expect(runs[0]?.status, trail()).toBe("succeeded");
      expect(world.linear.rejected, trail()).toEqual([]);
      expect(world.github?.violations, trail()).toEqual([]);
    } finally {
      await world.stop();
      episodeMs.push(Date.now() - started);
    }
  }

  it(`survives up to ${EPISODES * PER_EPISODE} kills (${EPISODES} × ${JSON.stringify(QUOTA)}), at least 20 each: the same reports, Linear issues, branches and PRs, nothing lost or doubled`, async () => {
    // what a run never killed leaves: tickets in Linear, each bug Skynet took as one branch and one PR
    expect(expected.linearIssues.length).toBeGreaterThan(2);
    expect(expected.pulls).toHaveLength(SKYNET_TICKETS);
    expect(new Set(expected.pulls.map((p) => p.split("|")[1])).size).toBe(SKYNET_TICKETS);
    expect(expected.remote).toHaveLength(SKYNET_TICKETS + 1);
    for (let e = 0; e < EPISODES; e++) await episode(e);

    const byPhase = Object.fromEntries(["ingest", ...PHASES].map((p) => [p, kills.filter((k) => k.phase === p).length]));
    const tookUp = Object.fromEntries(["checkpoint", "gate", "finished", "start"].map((how) => [how, resumes.filter((r) => r.tookUp === how).length]));
    console.info(`crash loop: ${kills.length} kills survived ${JSON.stringify(byPhase)}, taken up by ${JSON.stringify(tookUp)}; clean run ${cleanMs.run} ms; episodes ${episodeMs.map((ms) => `${Math.round(ms / 1000)} s`).join(", ")}`);
    expect(kills.length).toBeGreaterThanOrEqual(EPISODES * 20);
    // kills landed in every phase, while filing in Linear and while Skynet pushed
    for (const p of ["ingest", ...PHASES]) expect(byPhase[p], JSON.stringify(kills)).toBeGreaterThan(0);
    const issues = expected.linearIssues.length;
    const report = JSON.stringify(kills, null, 1);
    expect(kills.some((k) => k.phase === "gather" && k.reports > 0 && k.reports < SESSIONS), report).toBe(true);
    expect(kills.some((k) => k.phase === "triage" && k.ticketGateAnswered && k.issues < issues), report).toBe(true);
    expect(kills.some((k) => k.phase === "fix" && /pushing|opening the PR/.test(k.what) && k.pulls < SKYNET_TICKETS), report).toBe(true);
  }, 3_600_000);

  it("each run after a kill resumes from the checkpoint: no finished stage runs again, the gatherer's model is not asked again", () => {
    // Without a checkpointer every run would start over at gather, redoing (idempotently) what was done.
    expect(resumes.length).toBeGreaterThanOrEqual(EPISODES * (QUOTA.triage + QUOTA.fix));
    for (const r of resumes) {
      expect(r.ranAgain, JSON.stringify(r)).toEqual([]);
      expect(r.tookUp, JSON.stringify(r)).not.toBe("start");
      if (r.finishedBefore.includes("gather")) expect(r.gathererRequests, JSON.stringify(r)).toBe(0);
    }
  });
});
