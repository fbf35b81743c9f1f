// Skynet's fix-rate material must judge patches: the hidden tests fail on the product as shipped, pass
// with right.patch, and still fail with the plausible wrong.patch (else a wrong fix would score 1).
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePatch } from "diff";
import { beforeAll, describe, expect, it } from "vitest";
import { listDatasets, materialize, readTruth, tempFolder, type Dataset } from "./_kit/inspect.js";
import type { Truth } from "./_kit/truth.js";

interface Hidden {
  command: string;
  ticket: { title: string; signal: string };
}

const cases = listDatasets().flatMap((ds) => {
  const root = join(ds.dir, "skynet");
  return existsSync(root) ? readdirSync(root).sort().map((bugId) => [`${ds.name}/${bugId}`, ds, bugId] as const) : [];
});

/** A copy of the product's repo with the hidden tests beside it and, optionally, a patch applied; the hidden command's exit code. */
async function hiddenExitCode(repoDir: string, caseDir: string, command: string, patch: string | null): Promise<number> {
  const checkout = tempFolder("skynet-check");
  cpSync(repoDir, checkout, { recursive: true });
  cpSync(join(caseDir, "hidden"), join(checkout, "hidden"), { recursive: true });
  if (patch) execFileSync("git", ["apply", join(caseDir, patch)], { cwd: checkout, stdio: "pipe" });
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd: checkout }, (err) => resolve(err ? (typeof err.code === "number" ? err.code : -1) : 0));
  });
}

const truths = new Map<string, Promise<Truth>>();
const truthOf = (ds: Dataset): Promise<Truth> => {
  if (!truths.has(ds.name)) truths.set(ds.name, materialize(ds).then(readTruth));
  return truths.get(ds.name) as Promise<Truth>;
};

describe.each(cases)("skynet %s", (_name, ds, bugId) => {
  const caseDir = join(ds.dir, "skynet", bugId);
  const repoDir = join(ds.dir, "repo");
  const hidden = JSON.parse(readFileSync(join(caseDir, "hidden.json"), "utf8")) as Hidden;
  let truth: Truth;

  beforeAll(async () => {
    truth = await truthOf(ds);
  });

  it("is about a bug of the dataset's truth, and the right patch changes that bug's line", () => {
    const bug = truth.bugs.find((b) => b.id === bugId);
    expect(bug, `${bugId} is not in truth.json`).toBeTruthy();
    expect(hidden.ticket.title.length && hidden.ticket.signal.length).toBeGreaterThan(0);
    const [patch] = parsePatch(readFileSync(join(caseDir, "right.patch"), "utf8"));
    expect(patch?.newFileName).toBe(`b/${bug?.file}`);
    const changed = (patch?.hunks ?? []).flatMap((h) => {
      let line = h.oldStart;
      return h.lines.flatMap((l) => (l.startsWith("+") ? [] : l.startsWith("-") ? [line++] : (line++, [])));
    });
    expect(changed, `right.patch removes or rewrites lines ${changed.join(", ")}`).toContain(bug?.line);
  });

  it("fails on the unfixed repo, passes with right.patch, fails with wrong.patch (which passes the repo's own tests)", async () => {
    const own = (JSON.parse(readFileSync(join(repoDir, "package.json"), "utf8")) as { scripts: { test: string } }).scripts.test;
    const runs: [string, string | null][] = [[hidden.command, null], [hidden.command, "right.patch"], [hidden.command, "wrong.patch"], [own, "wrong.patch"]];
    const [unfixed, right, wrong, wrongOwn] = await Promise.all(runs.map(([command, patch]) => hiddenExitCode(repoDir, caseDir, command, patch)));
    expect({ unfixed: unfixed !== 0, right: right === 0, wrong: wrong !== 0, wrongPassesOwnTests: wrongOwn === 0 }).toEqual({ unfixed: true, right: true, wrong: true, wrongPassesOwnTests: true });
  });
});
