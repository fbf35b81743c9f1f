import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import { LineSplitter } from "./lines.js";
import streamArray from "stream-json/streamers/stream-array.js";

/** One record of an export: a parsed value, or why its text is not one. */
export interface RawRecord {
  /** 1-based line number (JSON lines, CSV) or element number (JSON array), within its part. */
  line: number;
  /** Set for a JSON array: `line` is then the element's number, and messages must say so. */
  element?: true;
  value?: unknown;
  /** The JSON text `value` was parsed from, when it was one record's own (a JSON line). */
  text?: string;
  /** Set when the text is not valid JSON. */
  error?: string;
}

export type Layout = "JSON lines" | "JSON array" | "CSV";

/** Reads the first chunk of a byte stream; returns it and a stream that still starts at byte 0. */
export async function replayFirst(stream: Readable): Promise<{ chunk: Buffer; stream: Readable }> {
  const it: AsyncIterator<Buffer | string> = stream[Symbol.asyncIterator]();
  const first = await it.next();
  const chunk = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  const replay = Readable.from(
    (async function* () {
      if (chunk.length) yield chunk;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    })(),
    { objectMode: false },
  );
  return { chunk, stream: replay };
}

/**
 * Decides the layout from the first bytes: `[` a JSON array, `{` JSON lines, a header line with
 * commas CSV (also when the name ends in .csv). Null when it is none of them.
 */
export function layoutOf(head: string, name: string): Layout | null {
  const first = head.trimStart()[0];
  if (first === "[") return "JSON array";
  if (first === "{") return "JSON lines";
  if (/\.csv(\.gz)?$/i.test(name) || /^[^\n]*,[^\n]*(\r?\n|$)/.test(head.trimStart())) return "CSV";
  return null;
}

export async function openRecords(input: Readable, name: string): Promise<{ layout: Layout | null; empty: boolean; records: AsyncGenerator<RawRecord> }> {
  const { chunk, stream } = await replayFirst(input);
  const head = chunk.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "");
  const layout = layoutOf(head, name);
  const empty = head.trim().length === 0;
  if (layout === "JSON array") return { layout, empty, records: jsonArray(stream) };
  if (layout === "CSV") return { layout, empty, records: csv(stream) };
  return { layout, empty, records: jsonLines(stream) };
}

async function* jsonLines(input: Readable): AsyncGenerator<RawRecord> {
  let line = 0;
  const splitter = new LineSplitter();
  input.setEncoding("utf8");
  const recordsOf = function* (lines: string[]): Generator<RawRecord> {
    for (const text of lines) {
      line++;
      const trimmed = text.trim();
      if (!trimmed) continue;
      try {
        yield { line, value: JSON.parse(trimmed) as unknown, text: trimmed };
      } catch (err) {
        yield { line, error: `not valid JSON (${(err as Error).message})` };
      }
    }
  };
  for await (const chunk of input as AsyncIterable<string>) yield* recordsOf(splitter.push(chunk));
  yield* recordsOf(splitter.end());
}

/** A JSON array streamed element by element (stream-json); a syntax error ends the file. */
async function* jsonArray(input: Readable): AsyncGenerator<RawRecord> {
  const parser = streamArray.withParserAsStream();
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ key: number; value: unknown }>) {
    yield { line: item.key + 1, element: true, value: item.value };
  }
}

/** CSV with a header row (csv-parse); PostHog's export keeps `properties` as a JSON string column. */
async function* csv(input: Readable): AsyncGenerator<RawRecord> {
  // A bad row (a missing or extra column) is one malformed line, reported in file order, not the file's end.
  const skipped: RawRecord[] = [];
  const parser = parseCsv({
    columns: true,
    info: true,
    bom: true,
    skip_empty_lines: true,
    relax_quotes: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      skipped.push({ line: typeof err?.lines === "number" ? err.lines : 0, error: `not a valid CSV row (${err?.message ?? "unreadable"})` });
      return undefined;
    },
  });
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield { line: item.info.lines, value: item.record };
  }
  yield* skipped.splice(0);
}
