// `npm run eval [-- --model <name>] [--dataset <name>]...`: every agent on every dataset, against thresholds.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { SelfhealError, UsageError } from "../runtime/errors.js";
import { runEval } from "./harness/runEval.js";
import { fakeModelServer } from "./harness/fakeModel.js";
import { uploadToLangSmith } from "./harness/langsmith.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));

interface Options {
  model?: string;
  datasets: string;
  results: string;
  dataset: string[];
  concurrency?: number;
  requestsPerMinute?: number;
}

/** The fake server answers at once and has no rate limit. */
const FAKE_LIMITS = { concurrency: 16, requestsPerMinute: 100_000 };

function positive(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
    return n;
  };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Exit codes: 0 every bar met, 1 a metric under its bar, a dataset defect or a failed run, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("npm run eval --")
    .description("runs the gatherer, the PM and Skynet on every labelled dataset and checks each metric against its bar")
    .option("--model <name>", "the LLM analyst and the PM's and Skynet's model, through OPENAI_BASE_URL / OPENAI_API_KEY; 'fake' for the local fake server (mechanics only)")
    .option("--datasets <dir>", "datasets folder (with thresholds.json)", resolve(HERE, "datasets"))
    .option("--results <dir>", "where results are written", resolve(HERE, "results"))
    .option("--dataset <name>", "only this dataset (repeatable)", (v: string, all: string[]) => [...all, v], [])
    .option("--concurrency <n>", "LLM analyst: model requests in flight (default: the profile's gatherer.concurrency, 8)", positive("--concurrency"))
    .option("--requests-per-minute <n>", "LLM analyst: requests started per minute (default: the profile's, 300)", positive("--requests-per-minute"))
    .exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    const opts = program.opts<Options>();
    const fake = opts.model === "fake" ? fakeModelServer() : null;
    const saved = { base: process.env["OPENAI_BASE_URL"], key: process.env["OPENAI_API_KEY"] };
    if (fake) {
      process.env["OPENAI_BASE_URL"] = await fake.start();
      process.env["OPENAI_API_KEY"] = "fake";
    } else if (opts.model && !saved.base && !saved.key) {
      throw new UsageError(`--model ${opts.model} needs OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY`);
    }
    try {
      const { run, text } = await runEval({
        datasetsDir: resolve(opts.datasets),
        resultsDir: resolve(opts.results),
        only: opts.dataset,
        model: opts.model ?? null,
        limits: fake ? FAKE_LIMITS : { concurrency: opts.concurrency, requestsPerMinute: opts.requestsPerMinute },
        mechanicsOnly: fake !== null,
        progress: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${text}\n`);
      if (process.env["LANGSMITH_API_KEY"]) process.stdout.write(`${await uploadToLangSmith(run)}\n`);
      return run.failures.length ? 1 : 0;
    } finally {
      if (fake) {
        await fake.stop();
        restoreEnv("OPENAI_BASE_URL", saved.base);
        restoreEnv("OPENAI_API_KEY", saved.key);
      }
    }
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error: ${err instanceof SelfhealError ? err.message : ((err as Error).stack ?? String(err))}\n`);
    return err instanceof SelfhealError ? err.exitCode : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
