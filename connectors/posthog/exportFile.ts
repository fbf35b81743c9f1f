import type { StoredEvent } from "../../state/session.js";
import { InputError } from "../../runtime/errors.js";
import { readLines } from "../readLines.js";
import { parsePostHogEvent, RecordError } from "./event.js";

export interface MalformedLine {
  line: number;
  reason: string;
}

export interface ParsedExport {
  events: StoredEvent[];
  malformed: MalformedLine[];
  lines: number;
}

/**
 * Reads a PostHog export in JSON lines (one event per line, `.gz` too). A bad line is skipped and
 * reported with its number; with `strict` the first bad line is an error and nothing is returned.
 */
export async function readPostHogExport(file: string, opts: { strict: boolean }): Promise<ParsedExport> {
  const events: StoredEvent[] = [];
  const malformed: MalformedLine[] = [];
  let lines = 0;
  for await (const { line, text } of readLines(file)) {
    lines = line;
    const trimmed = text.trim();
    if (!trimmed) continue;
    try {
      events.push(parsePostHogEvent(parseJson(trimmed)));
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      if (opts.strict) throw new InputError(err.message, { file, line, key: err.key });
      malformed.push({ line, reason: err.key ? `${err.key}: ${err.message}` : err.message });
    }
  }
  if (events.length === 0 && malformed.length === 0) throw new InputError("file holds no events", { file });
  return { events, malformed, lines };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RecordError(`not valid JSON (${(err as Error).message})`);
  }
}
