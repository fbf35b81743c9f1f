import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** selfheal's own checkout: the folder holding package.json, above this file in the source and in dist/ alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`selfheal's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

const ROOT = packageRoot();

/** A file or folder that ships with selfheal (the demo app, its profile), wherever the running code was built to. */
export function packagePath(...segments: string[]): string {
  return join(ROOT, ...segments);
}
