import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { git } from "../../tools/codebase/git.js";
import { InputError } from "../../runtime/errors.js";
import { loadProfile, type LoadedProfile } from "../../state/loadProfile.js";
import { resolveSettings, type RunSettings } from "../../runtime/settings.js";
import type { LoadedDataset } from "./dataset.js";

/** Where one dataset runs: a temp data folder with its own warehouse, profile and product repository. */
export interface Workspace {
  settings: RunSettings;
  profile: LoadedProfile;
  /** The product repository: a fresh git repository with the dataset's repo/ as its one commit. */
  repo: string;
}

/** The models every role is given (none offline) and the limits the LLM analyst drives its endpoint with. */
export interface ModelSetup {
  names: Partial<Record<"gatherer" | "pm" | "skynet", string>>;
  gatherer?: { concurrency?: number; requestsPerMinute?: number };
}

const AUTHOR = ["-c", "user.name=selfheal evals", "-c", "user.email=evals@selfheal.invalid"];

/**
 * A temp folder with the dataset's repo/ as a git repository of its own (nested .git folders cannot be
 * committed) and its profile written beside it, paths made absolute and models set by the harness.
 */
export async function makeWorkspace(dataset: LoadedDataset, models: ModelSetup, label: string): Promise<Workspace> {
  const dataDir = mkdtempSync(join(tmpdir(), `selfheal-eval-${dataset.name}-${label}-`));
  const profile: Record<string, unknown> = structuredClone(dataset.profile);
  const repoSection = profile["repo"] as { path?: unknown; defaultBranch?: unknown } | undefined;
  const profileFile = join(dataset.dir, "profile.json");
  if (!repoSection || typeof repoSection.path !== "string") throw new InputError("the dataset's profile needs repo.path", { file: profileFile, key: "repo.path" });
  const source = resolve(dataset.dir, repoSection.path);
  if (!existsSync(source)) throw new InputError(`repo.path ${repoSection.path} does not exist`, { file: profileFile, key: "repo.path" });
  const repo = join(dataDir, "repo");
  cpSync(source, repo, { recursive: true, filter: (src) => !/[/\\](node_modules|\.git)([/\\]|$)/.test(src.slice(source.length)) });
  const branch = typeof repoSection.defaultBranch === "string" ? repoSection.defaultBranch : "main";
  await git(repo, ["init", "-q", "-b", branch]);
  await git(repo, ["add", "-A"]);
  await git(repo, [...AUTHOR, "commit", "-q", "-m", `${dataset.name}: the product as labelled`]);
  profile["repo"] = { ...repoSection, path: repo };
  const skynet = profile["skynet"] as { dependencies?: unknown } | undefined;
  if (skynet && typeof skynet.dependencies === "string" && !isAbsolute(skynet.dependencies)) {
    profile["skynet"] = { ...skynet, dependencies: resolve(dataset.dir, skynet.dependencies) };
  }
  profile["models"] = models.names;
  // How hard the endpoint may be driven is the eval runner's to say, not the dataset's.
  if (models.gatherer) profile["gatherer"] = { ...((profile["gatherer"] as object | undefined) ?? {}), ...models.gatherer };
  const config = join(dataDir, "profile.json");
  writeFileSync(config, `${JSON.stringify(profile, null, 2)}\n`);
  const settings = resolveSettings({ db: join(dataDir, "warehouse.db"), config, dataDir });
  return { settings, profile: loadProfile(config), repo };
}

/** Runs `fn` in a fresh workspace and removes it after (warehouses, worktrees and repos add up in /tmp). */
export async function inWorkspace<T>(dataset: LoadedDataset, models: ModelSetup, label: string, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await makeWorkspace(dataset, models, label);
  try {
    return await fn(ws);
  } finally {
    rmSync(ws.settings.dataDir, { recursive: true, force: true });
  }
}
