import { createRequire } from "node:module";
import { pino, type DestinationStream } from "pino";
import type PinoPretty from "pino-pretty";
import { scrubSecrets } from "./scrubSecrets.js";

/** pretty: one readable line per entry (the default); json: pino's JSON lines, for a log collector. */
export type LogFormat = "pretty" | "json";

let format: LogFormat = process.env["SELFHEAL_LOG_FORMAT"] === "json" ? "json" : "pretty";
let prettify: ((line: string) => string) | null = null;

/** The CLI's --log-format (env SELFHEAL_LOG_FORMAT); it applies to every line from then on. */
export function setLogFormat(next: LogFormat): void {
  format = next;
}

/** pino-pretty, loaded with the first readable line, so runs that log nothing never load it. */
function pretty(line: string): string {
  if (!prettify) {
    const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
    prettify = prettyFactory({
      colorize: Boolean(process.stderr.isTTY) && !process.env["NO_COLOR"],
      singleLine: true,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname,name",
    });
  }
  return prettify(line);
}

/** On a terminal a readable line first clears the line it lands on, which may hold a progress bar. */
const CLEAR_LINE = "\r\u001b[2K";

/**
 * Writes each entry to stderr as it comes (synchronously: a crash loses none), in the chosen format, with
 * every credential scrubbed: an error logged whole may carry the request that failed, key and all.
 */
const stderrLines: DestinationStream = {
  write(entry: string): void {
    const line = scrubSecrets(entry);
    process.stderr.write(format === "json" ? line : `${process.stderr.isTTY ? CLEAR_LINE : ""}${pretty(line)}`);
  },
};

/**
 * The one logger, on stderr so stdout stays for results (`--json`). Quiet by default;
 * SELFHEAL_LOG_LEVEL=info (or debug) shows what the graphs do, stamped with thread and run ids.
 */
export const logger = pino({ name: "selfheal", level: process.env["SELFHEAL_LOG_LEVEL"] ?? "warn" }, stderrLines);
