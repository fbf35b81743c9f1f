import { readFile, stat } from "node:fs/promises";
import { dirname, join, normalize, relative } from "node:path";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { StackFrame } from "../../state/session.js";
import { withoutHash } from "./fingerprint.js";

const MAX_MAPS = 500;
const MAX_MAP_BYTES = 50 * 1024 * 1024;

/** Maps frames of minified bundles back to the product's source, where its repository has their source maps. */
export interface FrameMapper {
  map(frame: StackFrame): StackFrame;
}

/**
 * The source maps a repository holds (`*.js.map` files among `files`), indexed by the bundle they
 * describe — its `file` field or the map's own name, content hash removed so that last deploy's bundle
 * name still finds this build's map. Maps are parsed when first needed. Null when there are none.
 */
export async function sourceMapsIn(repoPath: string, files: string[]): Promise<FrameMapper | null> {
  const byBundle = new Map<string, string>();
  for (const path of files.filter((f) => /\.m?js\.map$/.test(f)).slice(0, MAX_MAPS)) {
    const bundle = path.split("/").at(-1)?.replace(/\.map$/, "") ?? "";
    for (const name of new Set([bundle, withoutHash(bundle)])) if (!byBundle.has(name)) byBundle.set(name, path);
  }
  if (byBundle.size === 0) return null;
  const loaded = new Map<string, TraceMap | null>();
  const preload = async (path: string): Promise<void> => {
    if (loaded.has(path)) return;
    const full = join(repoPath, path);
    try {
      loaded.set(path, (await stat(full)).size <= MAX_MAP_BYTES ? new TraceMap(await readFile(full, "utf8")) : null);
    } catch {
      loaded.set(path, null); // an unreadable or malformed map maps nothing
    }
  };
  for (const path of new Set(byBundle.values())) await preload(path);
  return {
    map(frame) {
      const bundle = frame.file.replace(/[?#].*$/, "").split("/").at(-1) ?? "";
      const mapPath = byBundle.get(bundle) ?? byBundle.get(withoutHash(bundle));
      const trace = mapPath ? loaded.get(mapPath) : null;
      if (!mapPath || !trace || frame.line === null || frame.column === null || frame.column === undefined) return frame;
      // Stack traces count columns from 1; source maps from 0.
      const found = originalPositionFor(trace, { line: frame.line, column: Math.max(0, frame.column - 1) });
      if (found.source === null || found.line === null) return frame;
      const file = repositoryPath(repoPath, mapPath, found.source);
      return { file, function: found.name ?? frame.function, line: found.line, column: found.column === null ? null : found.column + 1, inApp: !file.includes("node_modules") };
    },
  };
}

/** A map's source as a repository path where it resolves inside the repository, else as the map says (webpack:///./src/a.ts). */
function repositoryPath(repoPath: string, mapPath: string, source: string): string {
  if (/^[a-z]+:/i.test(source)) return source;
  const inRepo = normalize(relative(repoPath, join(repoPath, dirname(mapPath), source)));
  return inRepo.startsWith("..") ? source : inRepo;
}
