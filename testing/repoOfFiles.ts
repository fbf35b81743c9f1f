import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { git } from "../tools/codebase/git.js";
import { LocalRepo } from "../tools/codebase/localRepo.js";

/** A product repository made of the given files (path: text), tracked by git, for code-search tests. */
export async function repoOfFiles(files: Record<string, string>): Promise<LocalRepo> {
  const root = mkdtempSync(join(tmpdir(), "selfheal-repo-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${text}\n`);
  }
  await git(root, ["init", "-q"]);
  await git(root, ["add", "-A"]);
  return new LocalRepo(root);
}
