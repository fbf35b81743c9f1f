import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "../tools/codebase/git.js";
import { packagePath } from "../runtime/packagePath.js";
import { DEFAULT_CONFIG } from "../runtime/settings.js";

/** The bundled demo product and its profile, inside this checkout. */
export const DEMO_APP_DIR = packagePath("demo", "app");
export const DEMO_PROFILE = packagePath("demo", "selfheal.config.json");
/** selfheal's own node_modules, where the demo app's test tooling (tsx) is installed. */
const DEMO_DEPENDENCIES = packagePath("node_modules");

const AUTHOR = ["-c", "user.name=selfheal demo", "-c", "user.email=demo@selfheal.invalid"];

/**
 * The demo product as a git repository of its own under the data folder, so Skynet's worktrees and
 * branches never touch selfheal's repository. Created once; an existing one is kept as it is.
 */
export async function ensureDemoRepo(dataDir: string): Promise<{ path: string; created: boolean }> {
  const path = join(dataDir, "demo-repo");
  if (existsSync(join(path, ".git"))) return { path, created: false };
  cpSync(DEMO_APP_DIR, path, { recursive: true, filter: (src) => !src.includes("node_modules") });
  await git(path, ["init", "-q", "-b", "main"]);
  await git(path, ["add", "-A"]);
  await git(path, [...AUTHOR, "commit", "-q", "-m", "Acme: initial import"]);
  return { path, created: true };
}

/**
 * The demo's product profile, pointing at the demo repository; written beside it and the warehouse,
 * where every command finds it when no --config is given (runtime/settings.ts).
 */
export function writeDemoProfile(dataDir: string): string {
  const profile = JSON.parse(readFileSync(DEMO_PROFILE, "utf8")) as { repo?: { path: string }; skynet?: Record<string, unknown> };
  profile.repo = { ...(profile.repo ?? {}), path: "demo-repo" };
  // The demo app's test command needs tsx, installed with selfheal: mounted into Skynet's sandbox.
  profile.skynet = { ...(profile.skynet ?? {}), dependencies: DEMO_DEPENDENCIES };
  const file = join(dataDir, DEFAULT_CONFIG);
  writeFileSync(file, `${JSON.stringify(profile, null, 2)}\n`);
  return file;
}
