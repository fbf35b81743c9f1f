// Skynet's fix-rate material must judge patches: the hidden tests fail on the product as shipped, pass
// with right.patch, and still fail with the plausible wrong.patch (else a wrong fix would score 1).
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { parsePatch, type StructuredPatch } from "diff";
import { beforeAll, describe, expect, it } from "vitest";
import { listDatasets, materialize, productOf, readTruth, tempFolder, type Dataset, type Product } from "./_kit/inspect.js";
import type { Truth } from "./_kit/truth.js";

interface Hidden {
  command: string;
  ticket: { title: string; signal: string };
}

const cases = listDatasets().flatMap((ds) => {
  const root = join(ds.dir, "skynet");
  return existsSync(root) ? readdirSync(root).sort().map((bugId) => [`${ds.name}/${bugId}`, ds, bugId] as const) : [];
});

/**
 * A copy of the product's repo with the hidden tests beside it, the dependencies Skynet's sandbox gives
 * it and, optionally, a patch applied; the command's exit code.
 */
async function hiddenExitCode(product: Product, caseDir: string, command: string, patch: string | null): Promise<number> {
  const checkout = tempFolder("skynet-check");
  cpSync(product.repoDir, checkout, { recursive: true });
  if (product.dependencies && !existsSync(join(checkout, "node_modules"))) symlinkSync(product.dependencies, join(checkout, "node_modules"));
  cpSync(join(caseDir, "hidden"), join(checkout, "hidden"), { recursive: true });
  if (patch) execFileSync("git", ["apply", join(caseDir, patch)], { cwd: checkout, stdio: "pipe" });
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd: checkout }, (err) => resolve(err ? (typeof err.code === "number" ? err.code : -1) : 0));
  });
}

/**
 * The lines of the old file a patch changes: each line it removes or rewrites, and, for a pure insertion
 * (a missing entry added to a list), the two lines the insertion goes between.
 */
function linesChanged(patch: StructuredPatch): number[] {
  return patch.hunks.flatMap((h) => {
    const changed: number[] = [];
    let line = h.oldStart;
    let block: { removed: number[]; at: number } | null = null;
    const close = (): void => {
      if (block) changed.push(...(block.removed.length ? block.removed : [block.at - 1, block.at]));
      block = null;
    };
    for (const l of h.lines) {
      if (l.startsWith("\\")) continue; // "\ No newline at end of file"
      if (l.startsWith("-") || l.startsWith("+")) {
        block ??= { removed: [], at: line };
        if (l.startsWith("-")) block.removed.push(line++);
      } else {
        close();
        line++;
      }
    }
    close();
    return changed;
  });
}

const truths = new Map<string, Promise<Truth>>();
const truthOf = (ds: Dataset): Promise<Truth> => {
  if (!truths.has(ds.name)) truths.set(ds.name, materialize(ds).then(readTruth));
  return truths.get(ds.name) as Promise<Truth>;
};

describe.each(cases)("skynet %s", (_name, ds, bugId) => {
  const caseDir = join(ds.dir, "skynet", bugId);
  const product = productOf(ds);
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
    const changed = patch ? linesChanged(patch) : [];
    expect(changed, `right.patch changes lines ${changed.join(", ")}`).toContain(bug?.line);
  });

  it("fails on the unfixed repo, passes with right.patch, fails with wrong.patch (which passes the repo's own tests)", async () => {
    const own = (JSON.parse(readFileSync(join(product.repoDir, "package.json"), "utf8")) as { scripts: { test: string } }).scripts.test;
    const runs: [string, string | null][] = [[hidden.command, null], [hidden.command, "right.patch"], [hidden.command, "wrong.patch"], [own, "wrong.patch"]];
    const [unfixed, right, wrong, wrongOwn] = await Promise.all(runs.map(([command, patch]) => hiddenExitCode(product, caseDir, command, patch)));
    expect({ unfixed: unfixed !== 0, right: right === 0, wrong: wrong !== 0, wrongPassesOwnTests: wrongOwn === 0 }).toEqual({ unfixed: true, right: true, wrong: true, wrongPassesOwnTests: true });
  });
});
