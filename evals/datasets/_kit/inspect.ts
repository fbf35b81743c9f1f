// Reading a dataset back the way the harness does: its files, its exports ingested into a warehouse,
// its sessions found by anchor, and stack frames traced to the repo's lines (through committed source maps).
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sandboxFor } from "../../../agents/skynet/sandboxFor.js";
import { ingestFile, type IngestResult } from "../../../connectors/ingest.js";
import { loadProfile } from "../../../state/loadProfile.js";
import type { ProductProfile } from "../../../state/profile.js";
import type { StoredEvent } from "../../../state/session.js";
import { openWarehouse } from "../../../warehouse/index.js";
import { readJson } from "../../harness/dataset.js";
import { Truth } from "../../harness/truth.js";
import { Bundle } from "./bundle.js";

export const DATASETS_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface DatasetMeta {
  name: string;
  description: string;
  exports: { file: string; format: string }[];
  generated: boolean;
}

export interface Dataset {
  name: string;
  dir: string;
  meta: DatasetMeta;
}

export function listDatasets(): Dataset[] {
  return readdirSync(DATASETS_ROOT)
    .filter((name) => existsSync(join(DATASETS_ROOT, name, "dataset.json")))
    .sort()
    .map((name) => ({ name, dir: join(DATASETS_ROOT, name), meta: JSON.parse(readFileSync(join(DATASETS_ROOT, name, "dataset.json"), "utf8")) as DatasetMeta }));
}

export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `selfheal-${prefix}-`));
}

/** The folder that holds the dataset's exports and truth.json: a fresh generation, or the dataset itself. */
export async function materialize(ds: Dataset, outDir = tempFolder(ds.name)): Promise<string> {
  if (!ds.meta.generated) return ds.dir;
  const mod = (await import(join(ds.dir, "generate.ts"))) as { generate: (out: string) => Promise<void> };
  await mod.generate(outDir);
  return outDir;
}

/** truth.json read as the harness reads it: a schema violation is an error naming its key. */
export const readTruth = (dir: string): Truth => readJson(join(dir, "truth.json"), Truth);

/** A dataset's product, from its profile as the harness and Skynet read it (paths relative to the dataset folder). */
export interface Product {
  profile: ProductProfile;
  /** The product's source (repo.path), which may lie outside the dataset folder. */
  repoDir: string;
  /** The node_modules Skynet's sandbox gives a checkout of the product that has none. */
  dependencies: string | null;
}

export function productOf(ds: Dataset): Product {
  const loaded = loadProfile(join(ds.dir, "profile.json"));
  if (!loaded.repoPath) throw new Error(`${ds.name}: profile.json names no repo.path`);
  return { profile: loaded.profile, repoDir: loaded.repoPath, dependencies: sandboxFor(loaded.repoPath, loaded).dependencies };
}

export interface Ingested {
  results: { file: string; result: IngestResult }[];
  /** Event uuid -> its session id (null for session-less events). */
  sessionOf: Map<string, string | null>;
  /** Session id -> its events in time order. */
  events: Map<string, StoredEvent[]>;
}

/** Ingests the exports in order into a fresh SQLite warehouse and reads every session back. */
export async function ingestDataset(ds: Dataset, dir: string): Promise<Ingested> {
  const warehouse = openWarehouse(join(tempFolder(`${ds.name}-db`), "warehouse.db"));
  try {
    const results = [];
    for (const e of ds.meta.exports) results.push({ file: e.file, result: await ingestFile(warehouse, join(dir, e.file), { format: e.format }) });
    const ids = await warehouse.sessionsWithoutReport({ analystVersion: "dataset-check" });
    const events = new Map<string, StoredEvent[]>();
    const sessionOf = new Map<string, string | null>();
    for (const id of ids) {
      const list = await warehouse.sessionEvents(id);
      events.set(id, list);
      for (const e of list) sessionOf.set(e.uuid, id);
    }
    return { results, sessionOf, events };
  } finally {
    await warehouse.close();
  }
}

/** Every committed bundle of a repo (a .js file beside its .js.map). */
export function bundlesIn(repoDir: string): Bundle[] {
  const found: Bundle[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === ".git") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".js.map") && existsSync(path.slice(0, -4))) found.push(new Bundle(repoDir, relative(repoDir, path.slice(0, -4))));
    }
  };
  walk(repoDir);
  return found;
}

export interface CodeLine {
  file: string;
  line: number;
}

/**
 * The repo file and line a stack frame points at: a resolved frame's source (relative to a bundle's
 * folder) and line; a raw bundle frame traced through that bundle's committed map; a raw source frame's
 * deployed path, matched to the repo by its longest suffix. Null for frames outside the repo.
 */
export function traceFrame(repoDir: string, bundles: Bundle[], frame: Record<string, unknown>): CodeLine | null {
  const source = frame["source"];
  if (typeof source === "string" && typeof frame["line"] === "number") {
    if (frame["resolved"] === false) return null;
    for (const b of bundles) if (b.map.sources.includes(source)) return { file: b.repoFile(source), line: frame["line"] };
    return bySuffix(repoDir, source, frame["line"]);
  }
  const filename = frame["filename"];
  if (typeof filename !== "string" || typeof frame["lineno"] !== "number") return null;
  const path = filename.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const bundle = bundles.find((b) => path.endsWith(`/${b.file.split("/").slice(-3).join("/")}`) || path.endsWith(`/${b.file.split("/").pop() ?? ""}`));
  if (bundle) {
    const original = bundle.original({ line: frame["lineno"], column: typeof frame["colno"] === "number" ? frame["colno"] : 1 });
    return original ? { file: original.file, line: original.line } : null;
  }
  return bySuffix(repoDir, path, frame["lineno"]);
}

function bySuffix(repoDir: string, path: string, line: number): CodeLine | null {
  const parts = path.split("/").filter((p) => p && p !== "." && p !== "..");
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join("/");
    if (existsSync(join(repoDir, candidate)) && statSync(join(repoDir, candidate)).isFile()) return { file: candidate, line };
  }
  return null;
}

/** Bundle positions in browser stack text (Chrome `at f (url:1:2)`, Firefox `f@url:1:2`), innermost first. */
export function stackTextFrames(text: string): Record<string, unknown>[] {
  return [...text.matchAll(/(https?:\/\/[^\s()]+):(\d+):(\d+)/g)].map((m) => ({ filename: m[1], lineno: Number(m[2]), colno: Number(m[3]), in_app: true }));
}

/**
 * Every in-app frame of each exception an event carries, innermost first, traced to the repo (null for
 * a frame outside it): every entry of a PostHog `$exception_list`, or the `stack` text of an error event
 * the product tracks itself.
 */
export function exceptionStacks(repoDir: string, bundles: Bundle[], event: StoredEvent): (CodeLine | null)[][] {
  const stack = event.properties["stack"];
  if (typeof stack === "string") return [stackTextFrames(stack).map((frame) => traceFrame(repoDir, bundles, frame))];
  const list = event.properties["$exception_list"];
  if (!Array.isArray(list)) return [];
  return list.map((entry: { stacktrace?: { frames?: Record<string, unknown>[] } }) =>
    [...(entry.stacktrace?.frames ?? [])]
      .reverse()
      .filter((f) => f["in_app"] === true)
      .map((frame) => traceFrame(repoDir, bundles, frame)),
  );
}

/** The innermost in-app frame of each exception an event carries, traced to the repo: where it was thrown. */
export function exceptionLines(repoDir: string, bundles: Bundle[], event: StoredEvent): (CodeLine | null)[] {
  return exceptionStacks(repoDir, bundles, event).map((frames) => frames[0] ?? null);
}
