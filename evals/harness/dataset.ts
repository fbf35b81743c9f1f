import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { InputError } from "../../runtime/errors.js";
import { INGEST_FORMATS } from "../../connectors/ingest.js";
import { Truth } from "./truth.js";

/** dataset.json: what the dataset is and where its exports are. */
export const DatasetManifest = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  exports: z.array(z.strictObject({ file: z.string().min(1), format: z.enum(INGEST_FORMATS) })).min(1),
  generated: z.boolean().default(false),
});
export type DatasetManifest = z.infer<typeof DatasetManifest>;

/** A dataset ready to run: its export files and its truth, read or generated. */
export interface LoadedDataset {
  name: string;
  dir: string;
  manifest: DatasetManifest;
  /** Export files, absolute, in ingest order. */
  exports: { file: string; format: (typeof INGEST_FORMATS)[number] }[];
  truth: Truth;
  /** The raw profile.json, paths still relative to `dir`. */
  profile: Record<string, unknown>;
  /** Folders under skynet/, one per bug with hidden tests. */
  skynetBugs: string[];
  /** The temp folder a generated dataset was written to (removed after the run), else null. */
  generatedDir: string | null;
}

/** The dataset folders under `root`: every folder with a dataset.json, by name. */
export function findDatasets(root: string): string[] {
  if (!existsSync(root)) throw new InputError("no such datasets folder", { file: root });
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "dataset.json")))
    .map((d) => join(root, d.name))
    .sort();
}

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  if (!existsSync(file)) throw new InputError("file not found", { file });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new InputError(`not valid JSON (${(err as Error).message})`, { file });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue ? [...issue.path.map(String), ...("keys" in issue && Array.isArray(issue.keys) ? [String(issue.keys[0])] : [])].join(".") : "";
    throw new InputError(issue?.message ?? "invalid", { file, key: key || undefined });
  }
  return parsed.data;
}

/** Reads a dataset; a generated one is written by its generate.ts into a fresh temp folder first. */
export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const manifest = readJson(join(dir, "dataset.json"), DatasetManifest);
  const profile = readJson(join(dir, "profile.json"), z.record(z.string(), z.unknown()));
  let filesDir = dir;
  if (manifest.generated) {
    filesDir = mkdtempSync(join(tmpdir(), `selfheal-eval-${manifest.name}-`));
    const generator = join(dir, "generate.ts");
    if (!existsSync(generator)) throw new InputError("a generated dataset needs generate.ts", { file: generator });
    const mod = (await import(pathToFileURL(generator).href)) as { generate?: (outDir: string) => Promise<void> };
    if (typeof mod.generate !== "function") throw new InputError("generate.ts exports no generate(outDir) function", { file: generator });
    await mod.generate(filesDir);
  }
  const exports = manifest.exports.map((e) => ({ file: resolve(filesDir, e.file), format: e.format }));
  for (const e of exports) if (!existsSync(e.file)) throw new InputError("export file not found", { file: e.file });
  const truth = readJson(join(filesDir, "truth.json"), Truth);
  const skynetDir = join(dir, "skynet");
  const skynetBugs = existsSync(skynetDir)
    ? readdirSync(skynetDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return { name: manifest.name, dir, manifest, exports, truth, profile, skynetBugs, generatedDir: manifest.generated ? filesDir : null };
}
