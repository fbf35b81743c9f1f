import { Command, InvalidArgumentError, Option } from "commander";

/**
 * Every command and flag of the public command line, and nothing else: each action is imported only
 * when its command runs, so `--help` and a command that reads the warehouse never load the model,
 * tracker or GitHub libraries (nor LangGraph when they run no graph). A new command is one more
 * entry here with its action module under commands/.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name("selfheal")
    .description("Reads every product session, files the right tickets, and fixes the bugs.")
    .option("--db <path>", "warehouse (env SELFHEAL_DB; default .selfheal/warehouse.db)")
    .option("--config <path>", "product profile (env SELFHEAL_CONFIG; default selfheal.config.json here, else the one beside the warehouse)")
    .option("--json", "machine-readable result on stdout; human output on stderr")
    .option("--log-format <format>", "log lines: pretty (default) or json (env SELFHEAL_LOG_FORMAT)", oneOf("--log-format", ["pretty", "json"]))
    .exitOverride()
    .showHelpAfterError();

  program
    .command("demo")
    .description("simulate a week of the bundled Acme app and run the whole weekly loop offline")
    .option("--sessions <n>", "sessions to simulate", positiveInt("--sessions"), 2000)
    .option("--seed <n>", "simulator seed", positiveInt("--seed"), 42)
    .option("--week <week>", "ISO week to simulate (YYYY-Www); default: last week")
    .option("--weeks <n>", "simulate N weeks ending with --week, in which fixes ship and are verified", positiveInt("--weeks"), 1)
    .option("--fresh", "delete the demo's data folder first")
    .action(lazy(() => import("./commands/demo.js")));

  program
    .command("ingest [file]")
    .description("import an analytics export (PostHog, Amplitude, Segment: JSON lines, JSON array or CSV, .gz or .zip), or pull from PostHog's API")
    .option("--format <format>", "source format: posthog, amplitude or segment (default: detected)")
    .option("--strict", "stop at the first bad line and write nothing")
    .option("--posthog-api", "pull new events from PostHog's query API since the stored watermark")
    .option("--from-table", "read new events from a Postgres table (PostHog's batch export, or the profile's ingest.fromTable mapping) since the stored watermark")
    .action(lazy(() => import("./commands/ingest.js")));

  program
    .command("gather")
    .description("write an implied-NPS report for every session without one for the current analyst")
    .option("--analyst <analyst>", "heuristic (no model), llm, or cascade (the rules, then the model for sessions the rules are unsure of); default: the profile's gatherer.mode, whose auto is llm when the profile names a reachable gatherer model, else heuristic")
    .option("--concurrency <n>", "heuristic: batches scored at once (default 2); llm: model requests in flight (default: the profile's gatherer.concurrency)", positiveInt("--concurrency"))
    .option("--limit <n>", "score at most this many sessions", positiveInt("--limit"))
    .option("--week <week>", "only sessions of this ISO week (YYYY-Www)")
    .action(lazy(() => import("./commands/gather.js")));

  program
    .command("reports")
    .description("list the session reports of the current analyst version")
    .option("--week <week>", "only sessions of this ISO week (YYYY-Www)")
    .option("--analyst <analyst>", "only this analyst's current reports: heuristic or llm (default: the model's where there is one, else the rules')")
    .option("--all-versions", "include reports of earlier analyst versions")
    .option("--failed", "instead, the sessions the gatherer could not score: each one's latest failure (reason, count, time)")
    .action(lazy(() => import("./commands/reports.js")));

  program
    .command("triage")
    .description("the PM: patterns, code locations, decisions, tickets (behind a human gate)")
    .option("--week <week>", "ISO week (YYYY-Www); default: the latest week with a real share of the sessions")
    .option("--yes", "approve the ticket gate")
    .option("--sample <n>", "list at most N session ids per pattern (the output says when it sampled)", positiveInt("--sample"))
    .action(lazy(() => import("./commands/triage.js")));

  program
    .command("fix")
    .description("Skynet on the open Skynet tickets: worktree, brief, fix, verification, PR")
    .option("--yes", "approve the pull-request gate")
    .action(lazy(() => import("./commands/fix.js")));

  program
    .command("digest")
    .description("write the week's review report: a self-contained HTML page, or Markdown for chat")
    .option("--week <week>", "ISO week (YYYY-Www); default: the latest week with a real share of the sessions")
    .option("--format <format>", "html or md (default: md for an --out file ending .md, else html)", oneOf("--format", ["html", "md"]))
    .option("--out <file>", "where to write it (default: digests/<week>.html or .md in the data folder, under digests/<warehouse name>/ for a warehouse not named warehouse.db); Markdown is printed too")
    .action(lazy(() => import("./commands/digest.js")));

  program
    .command("verify")
    .description("check each shipped fix against the sessions after it: healed, not healed or inconclusive; reopen the ticket of a fix that did not hold")
    .option("--week <week>", "read the sessions up to the end of this ISO week (YYYY-Www); default: the latest week with a real share of the sessions")
    .action(lazy(() => import("./commands/verify.js")));

  program
    .command("ticket <id>")
    .description("show a ticket of the built-in tracker, or move it: --status done once its fix shipped, so verify checks it")
    .option("--status <status>", "open, in_progress, in_review, done or canceled", oneOf("--status", ["open", "in_progress", "in_review", "done", "canceled"]))
    .action(lazy(() => import("./commands/ticket.js")));

  program
    .command("run")
    .description("the weekly graph end to end (gather, triage, fix, review), checkpointed and resumable")
    .option("--week <week>", "ISO week (YYYY-Www); default: the latest week with a real share of the sessions")
    .option("--yes", "approve the human gates")
    .action(lazy(() => import("./commands/run.js")));

  program
    .command("review")
    .description("answer pending human gates: interactively in a terminal, or with one of the answer flags")
    .option("--thread <id>", "the thread whose gate to answer (see the list)")
    .option("--accept", "accept the gate")
    .option("--ignore", "ignore (reject) the gate")
    .option("--respond <text>", "answer with instructions")
    .option("--edit <json-or-file>", "edit: the new args of the action, as JSON or a JSON file")
    .action(lazy(() => import("./commands/review.js")));

  program
    .command("serve")
    .description("the Monday review as a local web app; prints its URL (with its access token) first")
    .addOption(new Option("--port <n>", "port to listen on").argParser(port).default(0, "a free one"))
    .option("--host <host>", "address to bind (127.0.0.1 serves this machine only)", "127.0.0.1")
    .action(lazy(() => import("./commands/serve.js")));

  program
    .command("schedule")
    .description("run the built-in scheduler: gather hourly, triage Friday, fix Saturday, digest Monday (times from the profile's schedule)")
    .option("--dry-run", "print the upcoming runs and exit")
    .option("--from <iso-time>", "with --dry-run: list the runs after this time instead of now")
    .option("--count <n>", "with --dry-run: how many runs to list", positiveInt("--count"), 10)
    .action(lazy(() => import("./commands/schedule.js")));

  return program;
}

/** A command's action, loaded from its module when the command runs. */
function lazy(load: () => Promise<{ run: (...args: never[]) => Promise<void> }>) {
  return async (...args: unknown[]): Promise<void> => {
    const { run } = await load();
    await (run as (...a: unknown[]) => Promise<void>)(...args);
  };
}

/** A flag that takes a whole number of at least 1 (commander reports the error as bad usage, exit 2). */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1, got "${value}"`);
    return n;
  };
}

/** A TCP port, 1-65535. */
function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`--port must be a whole number from 1 to 65535, got "${value}"`);
  return n;
}

function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    const found = values.find((v) => v === value);
    if (!found) throw new InvalidArgumentError(`${name} must be one of ${values.join(", ")}, got "${value}"`);
    return found;
  };
}
