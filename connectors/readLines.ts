import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { InputError } from "../runtime/errors.js";

/** Streams the lines of a text file, gunzipping `.gz` files; yields 1-based line numbers. */
export async function* readLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  if (!existsSync(file)) throw new InputError("file not found", { file });
  if (statSync(file).size === 0) throw new InputError("file is empty", { file });
  let input: Readable = createReadStream(file);
  if (file.endsWith(".gz")) {
    const gunzip = createGunzip();
    input.on("error", (err) => gunzip.destroy(err));
    input = input.pipe(gunzip);
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      yield { line, text };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "Z_BUF_ERROR" || code === "Z_DATA_ERROR" ? "the gzip stream is truncated or corrupt" : (err as Error).message;
    throw new InputError(`${reason} (after line ${line})`, { file }, { cause: err });
  }
}
