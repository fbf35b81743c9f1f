// A product's minified production bundle and its source map, committed in the dataset's repo/ the way a
// create-react-app or Vite build leaves them (buildBundle.ts makes them), and the lookups that turn source
// lines into bundle frames and back.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { generatedPositionFor, LEAST_UPPER_BOUND, originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";

export interface BundlePosition {
  /** 1-based, as stack traces print them. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A committed bundle and its map, read from repo/. */
export class Bundle {
  readonly map: TraceMap;
  private readonly code: string[];

  constructor(
    readonly repoDir: string,
    /** The bundle's path inside repo/, e.g. build/static/js/main.8f3a1b2c.js. */
    readonly file: string,
  ) {
    this.map = new TraceMap(readFileSync(join(repoDir, `${file}.map`), "utf8"));
    this.code = readFileSync(join(repoDir, file), "utf8").split("\n");
  }

  /** The map's name for a repo file: its path relative to the bundle's folder. */
  sourceName(repoFile: string): string {
    return relative(dirname(join(this.repoDir, this.file)), join(this.repoDir, repoFile)).split("\\").join("/");
  }

  /** The repo path of a map source name. */
  repoFile(sourceName: string): string {
    return relative(this.repoDir, join(dirname(join(this.repoDir, this.file)), sourceName)).split("\\").join("/");
  }

  /** Where the code at `line`:`column` (both 1-based) of a repo file ended up in the bundle. */
  generated(repoFile: string, line: number, column: number): BundlePosition {
    const at = generatedPositionFor(this.map, { source: this.sourceName(repoFile), line, column: column - 1, bias: LEAST_UPPER_BOUND });
    if (at.line === null || at.column === null) throw new Error(`${repoFile}:${line}:${column} is not in ${this.file}`);
    return { line: at.line, column: at.column + 1 };
  }

  /** The repo file, line and name behind a bundle position, as a symbolicator resolves it. */
  original(position: BundlePosition): { file: string; line: number; column: number; name: string | null } | null {
    const at = originalPositionFor(this.map, { line: position.line, column: position.column - 1 });
    if (at.source === null || at.line === null || at.column === null) return null;
    return { file: this.repoFile(at.source), line: at.line, column: at.column + 1, name: at.name };
  }

  /** The minified name of the function around a bundle position (the nearest declaration before it). */
  mangledName(position: BundlePosition): string {
    const before = (this.code[position.line - 1] ?? "").slice(0, position.column - 1);
    const names = [...before.matchAll(/(?:function\s+([\w$]+)\s*\(|(?:^|[,;{}(])\s*(?:async\s+)?([\w$]+)\s*=\s*(?:async\s*)?\()/g)];
    const last = names.at(-1);
    return last?.[1] ?? last?.[2] ?? "?";
  }
}
