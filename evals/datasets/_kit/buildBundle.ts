// Authoring time only: rebuilds the committed bundles of the eval products (`npx tsx evals/datasets/_kit/buildBundle.ts`).
// The datasets' generators and tests read the committed output; nothing rebuilds it at eval time.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface BundleSpec {
  /** The product's repo/ folder. */
  repoDir: string;
  /** Entry module, relative to repoDir. */
  entry: string;
  /** Output folder relative to repoDir, e.g. "build/static/js" (CRA) or "dist/assets" (Vite). */
  outDir: string;
  /** File name before the hash: "main" gives main.8f3a1b2c.js. */
  name: string;
  /** Separator before the hash: "." (CRA) or "-" (Vite). */
  separator: string;
}

/** Bundles and minifies the entry, names the file by its content hash, writes the map beside it. */
export async function buildBundle(spec: BundleSpec): Promise<string> {
  const outDir = join(spec.repoDir, spec.outDir);
  const result = await build({
    entryPoints: [join(spec.repoDir, spec.entry)],
    bundle: true,
    minify: true,
    sourcemap: "external",
    format: "iife",
    target: "es2020",
    write: false,
    outfile: join(outDir, `${spec.name}.js`),
    logLevel: "silent",
  });
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"));
  const map = result.outputFiles.find((f) => f.path.endsWith(".js.map"));
  if (!code || !map) throw new Error("esbuild wrote no bundle");
  const hash = createHash("sha256").update(code.contents).digest("hex").slice(0, 8);
  const file = `${spec.name}${spec.separator}${hash}.js`;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), `${code.text.replace(/\/\/# sourceMappingURL=.*\n?$/, "")}//# sourceMappingURL=${file}.map\n`);
  writeFileSync(join(outDir, `${file}.map`), map.text);
  return join(spec.outDir, file);
}


/** The bundles of the eval products, relative to evals/datasets/. */
export const BUNDLES: (Omit<BundleSpec, "repoDir"> & { dataset: string })[] = [
  { dataset: "plotline", entry: "src/client/index.js", outDir: "build/static/js", name: "main", separator: "." },
  { dataset: "mailwright", entry: "src/client/index.js", outDir: "dist/assets", name: "index", separator: "-" },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const { dataset, ...spec } of BUNDLES) {
    const file = await buildBundle({ ...spec, repoDir: join(root, dataset, "repo") });
    console.log(`${dataset}: ${file}`);
  }
}
