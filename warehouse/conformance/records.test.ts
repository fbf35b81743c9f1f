import { expect, it, vi } from "vitest";
import { importEvents } from "../../connectors/importer.js";
import { at, storedEvent } from "../../testing/events.js";
import { fixAttempt, newTicket, pattern, report, tick } from "../../testing/records.js";
import { describeEachEngine } from "./engines.js";

describeEachEngine("reports", ({ fresh }) => {
  it("writes none of a batch with one invalid report (score 11); upserts by (session, analyst version)", async () => {
    const w = await fresh();
    await importEvents(w, [storedEvent("e1"), storedEvent("e2", { sessionId: "s2" })]);
    await expect(w.saveReports([report("s1"), report("s2", { score: 11 })])).rejects.toThrow();
    expect(await w.listReports()).toEqual([]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual(["s1", "s2"]);

    await w.saveReports([report("s1"), report("s2", { score: 10 })]);
    await w.saveReports([report("s1", { score: 2 })]);
    await w.saveReports([report("s1", { analystVersion: "v2", score: 9 })]);
    expect((await w.listReports({ analystVersion: "v1" })).map((r) => [r.sessionId, r.score])).toEqual([["s1", 2], ["s2", 10]]);
    expect((await w.listReports({ analystVersion: "v2" })).map((r) => r.sessionId)).toEqual(["s1"]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v2" })).toEqual(["s2"]);
  });

  it("pages through reports in listReports' order, ties on session start broken by id, to a null cursor", async () => {
    const w = await fresh();
    const starts = { s5: at(0), s3: at(60), s4: at(60), s1: at(120), s2: at(180) };
    await importEvents(w, Object.entries(starts).map(([s, t], i) => storedEvent(`e${i}`, { sessionId: s, at: t })));
    await w.saveReports(Object.keys(starts).map((s) => report(s)));
    await w.saveReports([report("s3", { analystVersion: "v2" })]);
    const pages = [];
    let page = await w.listReportPage({ analystVersion: "v1", limit: 2 });
    pages.push(page.reports.map((r) => r.sessionId));
    while (page.next) {
      page = await w.listReportPage({ analystVersion: "v1", after: page.next, limit: 2 });
      pages.push(page.reports.map((r) => r.sessionId));
    }
    expect(pages).toEqual([["s5", "s3"], ["s4", "s1"], ["s2"]]);
    expect(pages.flat()).toEqual((await w.listReports({ analystVersion: "v1" })).map((r) => r.sessionId));
    expect((await w.listReportPage({ analystVersion: "v1", limit: 2 })).startedAt).toEqual([at(0), at(60)]);
  });

  it("the cascade's pending sessions: no report of its version, and no report of the rules at least this confident", async () => {
    const w = await fresh();
    await importEvents(w, ["s1", "s2", "s3", "s4"].map((s, i) => storedEvent(`e${i}`, { sessionId: s })));
    await w.saveReports([report("s1", { confidence: 0.9 }), report("s2", { confidence: 0.7 }), report("s3", { confidence: 0.4 }), report("s4")]);
    const pending = { analystVersion: "llm-v", unlessConfident: { analystVersion: "v1", atLeast: 0.7 } };
    // s4's rules report carries no confidence (written before it existed): it is not known to be sure.
    expect(await w.sessionsWithoutReport(pending)).toEqual(["s3", "s4"]);
    await w.saveReports([report("s3", { analyst: "llm", analystVersion: "llm-v" })]);
    expect(await w.sessionsWithoutReport(pending)).toEqual(["s4"]);
    expect(await w.claimUnreported(pending, async (ids) => ids)).toEqual(["s4"]);
    expect((await w.listReports({ analystVersion: "v1" })).map((r) => r.confidence)).toEqual([0.9, 0.7, 0.4, undefined]);
  });
});

describeEachEngine("patterns", ({ fresh }) => {
  it("savePatterns replaces one week's patterns, atomically, leaving other weeks alone; most sessions first", async () => {
    const w = await fresh();
    await w.savePatterns("2026-W02", [pattern("p1", { sessions: 3 }), pattern("p2", { sessions: 8 })]);
    await w.savePatterns("2026-W03", [pattern("p3", { week: "2026-W03" })]);
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p2", "p1"]);

    await w.savePatterns("2026-W02", [pattern("p4")]);
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p4"]);

    await expect(w.savePatterns("2026-W02", [pattern("p5"), pattern("p6", { priority: 5 })])).rejects.toThrow();
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p4"]);
    expect((await w.listPatterns("2026-W03")).map((p) => p.fingerprint)).toEqual(["p3"]);
  });
});

describeEachEngine("tickets", ({ fresh, connect }) => {
  it("numbers local ids in filing order under the warehouse's own key, and keeps one ticket per fingerprint", async () => {
    const w = await fresh();
    const first = await w.insertTicket(newTicket("fp-a"));
    const second = await w.insertTicket(newTicket("fp-b", { status: "in_progress" }));
    const key = /^SH-([A-Z]{4})-1$/.exec(first.id)?.[1];
    expect(key).toBeDefined();
    expect(second.id).toBe(`SH-${key}-2`);
    expect(first.url).toContain(first.id);

    await expect(w.insertTicket(newTicket("fp-a", { title: "impostor" }))).rejects.toThrow();
    expect(await w.ticketByFingerprint("fp-a")).toEqual(first);
    expect(await w.listTickets()).toHaveLength(2);
    expect((await connect(w.location).insertTicket(newTicket("fp-c"))).id).toBe(`SH-${key}-3`); // the key is the warehouse's, not the connection's
    expect((await w.insertTicket(newTicket("fp-d", { id: "ENG-7", url: "https://linear.app/acme/issue/ENG-7" }))).id).toBe("ENG-7");
  });

  it("gives two warehouses different ticket ids", async () => {
    const a = await (await fresh()).insertTicket(newTicket("fp-a"));
    const b = await (await fresh()).insertTicket(newTicket("fp-a"));
    expect(a.id).not.toBe(b.id);
  });

  it("updates fields and bumps updatedAt; looks up by id, fingerprint and status, in filing order", async () => {
    const w = await fresh();
    const a = await w.insertTicket(newTicket("fp-a"));
    const b = await w.insertTicket(newTicket("fp-b"));
    await tick();
    const updated = await w.updateTicket(a.id, { status: "in_review", sessions: 9 });
    expect(updated).toMatchObject({ id: a.id, status: "in_review", sessions: 9, title: a.title, createdAt: a.createdAt });
    expect(updated.updatedAt > a.updatedAt).toBe(true);
    expect(await w.ticket(a.id)).toEqual(updated);
    expect(await w.ticket("SH-99")).toBeNull();
    expect(await w.ticketByFingerprint("fp-b")).toMatchObject({ id: b.id, status: "open" });
    expect(await w.ticketByFingerprint("fp-zzz")).toBeNull();
    expect((await w.listTickets({ status: ["open"] })).map((t) => t.id)).toEqual([b.id]);
    expect((await w.listTickets({ status: ["open", "in_review"] })).map((t) => t.id)).toEqual([a.id, b.id]);
    await expect(w.updateTicket("SH-99", { status: "done" })).rejects.toThrow(/SH-99/);
  });
});

describeEachEngine("fix attempts", ({ fresh }) => {
  it("keeps one attempt per ticket, the latest, and refuses one for an unknown ticket", async () => {
    const w = await fresh();
    const a = await w.insertTicket(newTicket("fp-a"));
    const b = await w.insertTicket(newTicket("fp-b"));
    await w.saveFixAttempt(fixAttempt(a.id));
    await w.saveFixAttempt(fixAttempt(b.id, { createdAt: "2026-01-11T09:00:00.000Z" }));
    const opened = fixAttempt(a.id, { status: "pr_opened", prUrl: "https://github.com/acme/app/pull/7", reason: "tests pass" });
    await w.saveFixAttempt(opened);
    expect(await w.fixAttempt(a.id)).toEqual(opened);
    expect(await w.fixAttempt("SH-3")).toBeNull();
    expect((await w.listFixAttempts()).map((x) => [x.ticketId, x.status])).toEqual([
      [a.id, "pr_opened"],
      [b.id, "failed_verification"],
    ]);
    await expect(w.saveFixAttempt(fixAttempt("SH-404"))).rejects.toThrow();
  });
});

describeEachEngine("runs", ({ fresh }) => {
  it("lists runs started in the same millisecond newest first, a run started again as the newest", async () => {
    const w = await fresh();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-04T12:00:00.000Z") });
    try {
      for (const id of ["a", "c", "b", "a"]) await w.startRun({ id, kind: "gather", week: null });
    } finally {
      vi.useRealTimers();
    }
    expect((await w.listRuns()).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("starts, finishes and lists runs, newest first", async () => {
    const w = await fresh();
    await w.startRun({ id: "r1", kind: "gather", week: "2026-W02" });
    await tick();
    await w.startRun({ id: "r2", kind: "weekly", week: null, thread: "weekly-2026-W02", pid: 4242, host: "worker-1" });
    await w.finishRun("r1", "succeeded", { scored: 3 });
    const runs = await w.listRuns();
    expect(runs.map((r) => [r.id, r.kind, r.week, r.status])).toEqual([
      ["r2", "weekly", null, "running"],
      ["r1", "gather", "2026-W02", "succeeded"],
    ]);
    expect(runs[0]).toMatchObject({ finishedAt: null, summary: null, thread: "weekly-2026-W02", pid: 4242, host: "worker-1" });
    expect(runs[1]).toMatchObject({ thread: null, pid: null, host: null });
    expect(runs[1]?.summary).toEqual({ scored: 3 });
    expect(runs[1]?.finishedAt).not.toBeNull();
    expect((await w.listRuns(1)).map((r) => r.id)).toEqual(["r2"]);
    // What a run records as it starts stays readable while it runs (a killed run still says what it ran on).
    await w.startRun({ id: "r3", kind: "triage", week: "2026-W02", summary: { inputs: { sessions: 5 } } });
    expect((await w.listRuns(1))[0]).toMatchObject({ id: "r3", status: "running", summary: { inputs: { sessions: 5 } } });
  });
});
