// Writing export files: JSON lines, optionally gzipped (gzip headers carry no time, so output is byte-stable).
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export function jsonLines(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

/** Writes `text` to `path`, gzipped when the name ends in .gz. */
export function writeExport(path: string, text: string): void {
  writeFileSync(path, path.endsWith(".gz") ? gzipSync(text) : text);
}
