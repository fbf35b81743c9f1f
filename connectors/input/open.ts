import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import yauzl from "yauzl";
import { InputError } from "../../runtime/errors.js";
import { openRecords, replayFirst, type Layout, type RawRecord } from "./records.js";

/** A record with the file (and zip entry) it came from. */
export interface SourcedRecord extends RawRecord {
  /** The zip entry, or null for a plain or gzipped file. */
  part: string | null;
}

export interface OpenedExport {
  /** How the file is packed, e.g. "JSON lines, gzip" or "zip of JSON lines, gzip"; set once records flow. */
  describe(): string;
  records: AsyncGenerator<SourcedRecord>;
  /** Bytes of the file read so far (compressed, as stored) and its size: how far the import has got. */
  position(): { read: number; total: number };
}

function magic(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(4);
    const n = readSync(fd, buf, 0, 4, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const isGzip = (b: Buffer): boolean => b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Buffer): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Opens an export of any supported packing, by content rather than name: gzip (node:zlib), zip of
 * (gzipped) files (yauzl, as Amplitude's Export API sends them), or plain; inside, JSON lines, a JSON
 * array or CSV. Streams throughout: nothing is loaded whole.
 */
export function openExport(file: string): OpenedExport {
  if (!existsSync(file)) throw new InputError("file not found", { file });
  if (statSync(file).isDirectory()) throw new InputError("is a folder: name an export file", { file });
  const size = statSync(file).size;
  if (size === 0) throw new InputError("file is empty", { file });
  const head = magic(file);
  const layouts = new Set<string>();
  const describe = (): string => {
    const inner = [...layouts].join(" + ") || "nothing";
    return isZip(head) ? `zip of ${inner}` : isGzip(head) ? `${inner}, gzip` : inner;
  };
  if (isZip(head)) {
    const read = { bytes: 0 };
    return { describe, records: zipRecords(file, layouts, read), position: () => ({ read: read.bytes, total: size }) };
  }
  const raw = createReadStream(file);
  return { describe, records: partRecords(file, null, raw, basename(file), layouts), position: () => ({ read: raw.bytesRead, total: size }) };
}

async function* partRecords(file: string, part: string | null, raw: Readable, name: string, layouts: Set<string>): AsyncGenerator<SourcedRecord> {
  let input = raw;
  let gzipped = false;
  let line = 0;
  let layout: Layout | null = null;
  const where = part ? `${file} (entry ${part})` : file;
  try {
    const first = await replayFirst(raw);
    input = first.stream;
    if (isGzip(first.chunk)) {
      gzipped = true;
      const gunzip = createGunzip();
      input.on("error", (err) => gunzip.destroy(err));
      input = input.pipe(gunzip);
    }
    const opened = await openRecords(input, name.replace(/\.gz$/i, ""));
    if (opened.empty) throw new InputError(gzipped ? "holds no events (empty after gunzip)" : "holds no events", { file: where });
    if (!opened.layout) {
      throw new InputError("unknown format: expected JSON lines, a JSON array or CSV with a header row", { file: where });
    }
    layout = opened.layout;
    layouts.add(`${opened.layout}${part && gzipped ? ", gzip" : ""}`);
    for await (const record of opened.records) {
      line = record.line;
      const sourced: SourcedRecord = Object.assign(record, { part }); // the record is this reader's own: no copy
      yield sourced;
    }
  } catch (err) {
    throw asInputError(err, where, line, layout);
  }
}

/** A zip's entries, one after the other; `read` counts the compressed bytes of the entries begun. */
async function* zipRecords(file: string, layouts: Set<string>, read: { bytes: number }): AsyncGenerator<SourcedRecord> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: true });
  } catch (err) {
    throw new InputError(`not a readable zip archive (${(err as Error).message})`, { file }, { cause: err });
  }
  let entries = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      entries++;
      read.bytes += entry.compressedSize;
      const stream = await zip.openReadStreamPromise(entry);
      yield* partRecords(file, entry.fileName, stream, entry.fileName, layouts);
    }
  } catch (err) {
    throw asInputError(err, file, 0, null);
  } finally {
    zip.close();
  }
  if (entries === 0) throw new InputError("the zip archive holds no files", { file });
}

function asInputError(err: unknown, where: string, line: number, layout: Layout | null): Error {
  if (err instanceof InputError) return err;
  const e = err as NodeJS.ErrnoException;
  const after = line ? ` (after line ${line})` : "";
  if (e.code === "Z_BUF_ERROR" || e.code === "Z_DATA_ERROR") {
    return new InputError(`the gzip stream is truncated or corrupt${after}`, { file: where }, { cause: err });
  }
  if (typeof e.code === "string" && e.code.startsWith("CSV_")) {
    const csvLine = (err as { lines?: number }).lines;
    return new InputError(`not valid CSV (${e.message})`, { file: where, line: csvLine }, { cause: err });
  }
  if (layout === "JSON array") return new InputError(`not valid JSON (${e.message})${line ? ` after element ${line}` : ""}`, { file: where }, { cause: err });
  return new InputError(`cannot be read: ${e.message}${after}`, { file: where }, { cause: err });
}

