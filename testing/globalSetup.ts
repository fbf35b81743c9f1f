import { buildCli } from "./buildCli.js";

/** Vitest runs this once before any test file: the CLI that testing/cli.ts spawns is built from the current source. */
export function setup(): void {
  buildCli();
}
