import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult, type RunCliOptions } from "./cli.js";

/** Module hooks (run by node on its loader thread) that note every package module the CLI resolves. */
const HOOKS = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes("/node_modules/")) appendFileSync(process.env.SELFHEAL_IMPORT_LOG, resolved.url + "\\n");
  return resolved;
}`;
const REGISTER = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The package name of a resolved module URL: ".../node_modules/@scope/name/dist/x.js" is "@scope/name". */
function packageOf(url: string): string {
  const rest = url.slice(url.lastIndexOf("/node_modules/") + "/node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
}

/** Runs the CLI and says which packages it imported (those our code and the ESM packages import). */
export async function runCliRecordingImports(args: string[], opts: RunCliOptions = {}): Promise<CliResult & { packages: Set<string> }> {
  const log = join(mkdtempSync(join(tmpdir(), "selfheal-imports-")), "imports.log");
  const result = await runCli(args, {
    ...opts,
    env: { ...opts.env, SELFHEAL_IMPORT_LOG: log },
    nodeOptions: ["--import", `data:text/javascript,${encodeURIComponent(REGISTER)}`],
  });
  const urls = existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
  return { ...result, packages: new Set(urls.map(packageOf)) };
}
