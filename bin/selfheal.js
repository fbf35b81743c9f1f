#!/usr/bin/env node
// Runs the JavaScript that `npm install` built (the `prepare` script), so no call compiles TypeScript.
import { existsSync } from "node:fs";
import module from "node:module";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("error: selfheal is not built: run `npm run build` in its checkout (npm install runs it)\n");
  process.exit(1);
}
// Node 22 keeps compiled code between runs; Node 20 has no such cache and skips this.
module.enableCompileCache?.();
// Stack traces of unexpected errors name the TypeScript lines, not the built ones.
process.setSourceMapsEnabled(true);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
