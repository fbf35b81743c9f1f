import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * Builds the JavaScript bin/selfheal.js runs (tsconfig.build.json, incremental), so a test or a
 * benchmark that spawns the CLI runs the code as it is now, never a stale build.
 */
export function buildCli(): void {
  execFileSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}
