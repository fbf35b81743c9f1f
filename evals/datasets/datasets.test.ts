// Dataset defects the harness would otherwise measure as judgment: non-deterministic generators, sessions
// without truth (or twice), anchors that find nothing, labels that name nothing, bugs whose file and line
// are not where the stack frames point, stale bundles, exports that do not ingest cleanly.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isoWeekOf } from "../../runtime/week.js";
import { bundlesIn, exceptionLines, exceptionStacks, ingestDataset, listDatasets, materialize, productOf, readTruth, tempFolder, type Dataset, type Ingested } from "./_kit/inspect.js";
import type { Truth } from "./_kit/truth.js";

/** Lines made malformed on purpose (and described in the dataset's README): dataset -> file -> line numbers. */
const DELIBERATELY_MALFORMED: Record<string, Record<string, number[]>> = {
  inkwell: { "posthog-events-2026-11-23.jsonl.gz": [3409] },
};

const OUTCOMES = ["success", "partial", "failure", "bounce", "wrong_product"];

/** Each file's sha256 (comparing the bytes themselves makes a failing diff of megabytes). */
const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isFile())
      .sort()
      .map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]),
  );

describe.each(listDatasets().map((ds) => [ds.name, ds] as const))("dataset %s", (_name, ds: Dataset) => {
  let dir: string;
  let truth: Truth;
  let ingested: Ingested;
  // The repo is where profile.json's repo.path says, inside the dataset folder or not (demo-acme's is demo/app).
  const { profile, repoDir } = productOf(ds);

  beforeAll(async () => {
    dir = await materialize(ds);
    truth = readTruth(dir);
    ingested = await ingestDataset(ds, dir);
  });

  it.runIf(ds.meta.generated)("generates the same bytes every time", async () => {
    const again = await materialize(ds, tempFolder(`${ds.name}-again`));
    expect(filesOf(again)).toEqual(filesOf(dir));
  });

  it.runIf(existsSync(join(ds.dir, "author.ts")))("commits the export and truth its hand-written sessions produce", async () => {
    const out = tempFolder(`${ds.name}-authored`);
    const { author } = (await import(join(ds.dir, "author.ts"))) as { author: (dir: string) => unknown };
    author(out);
    const committed = filesOf(ds.dir);
    for (const [name, digest] of Object.entries(filesOf(out))) expect({ name, digest }).toEqual({ name, digest: committed[name] });
  });

  it("ingests every export without malformed lines but the deliberate ones", () => {
    for (const { file, result } of ingested.results) {
      expect({ file, malformed: result.malformedLines }).toEqual({ file, malformed: DELIBERATELY_MALFORMED[ds.name]?.[file] ?? [] });
      expect(result.events).toBeGreaterThan(0);
    }
  });

  it("gives every session exactly one truth entry, found by an anchor that exists", () => {
    const labelled = new Map<string, string>();
    for (const t of truth.sessions) {
      const session = ingested.sessionOf.get(t.anchor);
      expect(session, `anchor ${t.anchor} is not an event of any session`).toBeTruthy();
      expect(labelled.get(session ?? ""), `session ${session} has two truth entries`).toBeUndefined();
      labelled.set(session ?? "", t.anchor);
    }
    expect([...ingested.events.keys()].filter((id) => !labelled.has(id))).toEqual([]);
  });

  it("labels with known outcomes, scores, departments, causes and noise", () => {
    const departments = new Set([...Object.keys(profile.departments), profile.fallbackDepartment]);
    const causes = new Set([...truth.bugs.map((b) => `bug:${b.id}`), ...truth.improvements.map((i) => `improvement:${i.id}`)]);
    const noise = new Set(truth.noise.map((n) => n.id));
    for (const t of truth.sessions) {
      expect(OUTCOMES).toContain(t.outcome);
      expect(Number.isInteger(t.score) && t.score >= 0 && t.score <= 10, `score ${t.score}`).toBe(true);
      expect(departments).toContain(t.department);
      if (t.cause) expect(causes).toContain(`${t.cause.kind}:${t.cause.id}`);
      // A success names a cause only when it got past a problem (a bug's error, an improvement's friction); acquisition sessions name none.
      if (t.outcome === "success" && t.cause) expect(t.tags ?? [], `${t.anchor}: a success naming a cause says what it got past in its tags`).not.toHaveLength(0);
      if (t.outcome === "bounce" || t.outcome === "wrong_product") expect(t.cause).toBeNull();
      for (const id of t.noise) expect(noise).toContain(id);
    }
  });

  it("starts every session in one ISO week (UTC)", () => {
    const weeks = new Set([...ingested.events.values()].map((events) => isoWeekOf(new Date(events[0]?.timestamp ?? 0))));
    expect([...weeks]).toHaveLength(1);
  });

  it("names bug files and lines that exist in the repo", () => {
    for (const b of truth.bugs) {
      const lines = readFileSync(join(repoDir, b.file), "utf8").split("\n");
      expect(b.line >= 1 && b.line <= lines.length, `${b.id}: ${b.file}:${b.line}`).toBe(true);
      expect(truth.sessions.some((t) => t.cause?.kind === "bug" && t.cause.id === b.id), `${b.id} has no session`).toBe(true);
    }
  });

  it("points every bug's exceptions (raw, resolved, or minified through the committed map) at the bug's line", () => {
    const bundles = bundlesIn(repoDir);
    const bugAt = new Map(truth.bugs.map((b) => [`${b.file}:${b.line}`, b.id]));
    const linesBy = new Map<string, Set<string>>();
    const noiseLines = new Set<string>();
    /** Every in-app frame the sessions of each cause ("none" for none) go through. */
    const framesBy = new Map<string, Set<string>>();
    for (const t of truth.sessions) {
      const events = ingested.events.get(ingested.sessionOf.get(t.anchor) ?? "") ?? [];
      const where = (at: { file: string; line: number } | null): string[] => (at ? [`${at.file}:${at.line}`] : []);
      const lines = new Set(events.flatMap((e) => exceptionLines(repoDir, bundles, e).flatMap(where)));
      for (const line of lines) {
        const hit = bugAt.get(line);
        if (hit) expect(t.cause?.id, `${hit} thrown in a session labelled ${JSON.stringify(t.cause)}`).toBe(hit);
        if (!t.cause) noiseLines.add(line);
      }
      if (t.cause?.kind === "bug") linesBy.set(t.cause.id, new Set([...(linesBy.get(t.cause.id) ?? []), ...lines]));
      const cause = t.cause ? `${t.cause.kind}:${t.cause.id}` : "none";
      framesBy.set(cause, new Set([...(framesBy.get(cause) ?? []), ...events.flatMap((e) => exceptionStacks(repoDir, bundles, e).flat().flatMap(where))]));
    }
    // Lines thrown only in a bug's sessions (not the noise any session may carry) must include the bug's
    // line. Where a known fix (skynet/<bug>/right.patch) changes another line, maybe in a caller of the
    // throwing function, the bug's stacks must pass through its file at a frame no other session has.
    for (const b of truth.bugs) {
      const own = [...(linesBy.get(b.id) ?? [])].filter((line) => !noiseLines.has(line));
      if (!own.length) continue;
      if (existsSync(join(ds.dir, "skynet", b.id, "right.patch"))) {
        const elsewhere = new Set([...framesBy].flatMap(([cause, frames]) => (cause === `bug:${b.id}` ? [] : [...frames])));
        const path = [...(framesBy.get(`bug:${b.id}`) ?? [])].filter((line) => !elsewhere.has(line));
        expect(path.some((line) => line.startsWith(`${b.file}:`)), `frames only ${b.id}'s sessions go through: ${path.join(", ")}`).toBe(true);
      } else expect(own, `${b.id}'s sessions throw at ${own.join(", ")}`).toContain(`${b.file}:${b.line}`);
    }
  });

  it("commits bundles built from the repo's current sources", () => {
    for (const bundle of bundlesIn(repoDir)) {
      const map = JSON.parse(readFileSync(join(repoDir, `${bundle.file}.map`), "utf8")) as { sources: string[]; sourcesContent: string[] };
      map.sources.forEach((source, i) => expect(map.sourcesContent[i], `${bundle.file}: ${source} changed since the build`).toBe(readFileSync(join(repoDir, bundle.repoFile(source)), "utf8")));
    }
  });

  it("keeps the repo's own tests passing", () => {
    const script = (JSON.parse(readFileSync(join(repoDir, "package.json"), "utf8")) as { scripts: { test: string } }).scripts.test;
    expect(() => execFileSync("sh", ["-c", script], { cwd: repoDir, stdio: "pipe" })).not.toThrow();
  });
});
