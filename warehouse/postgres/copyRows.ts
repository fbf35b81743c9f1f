import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";

/** Rows are sent in chunks of about this many characters: few stream writes, no batch-sized strings. */
const CHUNK_CHARS = 256 * 1024;

/**
 * A value in COPY's text format: backslash (first), tab, newline and carriage return escaped; null as \N.
 * Four includes() scans cost a fifth of one character-class regex over a long value, and a JSON text (an
 * event's properties) holds backslashes alone, so most values are returned or get one replaceAll.
 */
function copyField(value: string | null): string {
  if (value === null) return "\\N";
  const backslash = value.includes("\\");
  if (!backslash && !value.includes("\t") && !value.includes("\n") && !value.includes("\r")) return value;
  let out = backslash ? value.replaceAll("\\", "\\\\") : value;
  if (out.includes("\t")) out = out.replaceAll("\t", "\\t");
  if (out.includes("\n")) out = out.replaceAll("\n", "\\n");
  if (out.includes("\r")) out = out.replaceAll("\r", "\\r");
  return out;
}

/**
 * Loads rows into a table with COPY … FROM STDIN on the caller's client (inside its transaction):
 * one statement whatever the number of rows, streamed, so neither the client nor the server parses
 * a batch-sized literal. Resolves with the rows the server took.
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly (string | null)[]>): Promise<number> {
  const { default: copyStreams } = await import("pg-copy-streams");
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  let chunk = "";
  for (const row of rows) {
    chunk += `${row.map(copyField).join("\t")}\n`;
    if (chunk.length < CHUNK_CHARS) continue;
    if (!stream.write(chunk)) await once(stream, "drain");
    chunk = "";
  }
  stream.end(chunk);
  await finished(stream);
  return stream.rowCount;
}
