// The CLI run from its TypeScript source (node --import tsx bench/sourceCli.ts ...): the benchmark's
// baseline for what compiling on every call costs.
import { main } from "../cli/main.js";

process.exitCode = await main(process.argv.slice(2));
