import type { GlobalOptions } from "./globals.js";

/** Characters a POSIX shell takes literally; anything else (a Postgres URL's `?` and `&`) is quoted. */
const PLAIN = /^[\w@%+=:,./-]+$/;

function shellWord(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command a user pastes to go on from here, with the --db and --config they gave: without them the
 * pasted line reaches the default warehouse and profile, not the ones this run worked on.
 */
export function nextCommand(opts: GlobalOptions, args: string): string {
  const globals: string[] = [];
  if (opts.db) globals.push("--db", shellWord(opts.db));
  if (opts.config) globals.push("--config", shellWord(opts.config));
  return ["npx selfheal", ...globals, args].join(" ");
}
