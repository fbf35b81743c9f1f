import { tool, type StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import type { CodeBackend } from "./backend.js";

const MAX_HITS = 30;
const MAX_FILES = 200;
const MAX_RANGE = 200;

/** A failing call answers with what went wrong, for the model to read and correct; it never throws. */
async function readable(fn: () => Promise<string>): Promise<string> {
  try {
    return await fn();
  } catch (err) {
    return `Error: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Search the product's code for a text or a regular expression. */
export function searchCodeTool(backend: CodeBackend) {
  return tool(
    ({ pattern, regex, limit }) =>
      readable(async () => {
        if (regex) new RegExp(pattern); // a bad regex is the model's to fix: say so before searching
        const hits = await backend.grep(pattern, { regex, limit: Math.min(limit ?? MAX_HITS, MAX_HITS) });
        if (hits.length === 0) return `No matches for ${regex ? "regex" : "text"} ${JSON.stringify(pattern)}.`;
        return hits.map((h) => `${h.path}:${h.line}: ${h.text}`).join("\n");
      }),
    {
      name: "search_code",
      description: "Search the product's repository for a text (exact, case-sensitive) or a regular expression. Returns path:line: text, one hit a line.",
      schema: z.object({
        pattern: z.string().min(1).describe("the text to find, or a regular expression when regex is true"),
        regex: z.boolean().default(false).describe("treat pattern as an extended regular expression"),
        limit: z.number().int().min(1).max(MAX_HITS).optional().describe(`most hits to return (at most ${MAX_HITS})`),
      }),
    },
  );
}

/** List the repository's files, optionally under a folder. */
export function listFilesTool(backend: CodeBackend) {
  return tool(
    ({ under }) =>
      readable(async () => {
        const files = await backend.listFiles({ under });
        if (files.length === 0) return under ? `No files under ${under}.` : "The repository has no files.";
        const shown = files.slice(0, MAX_FILES).join("\n");
        return files.length > MAX_FILES ? `${shown}\n… ${files.length - MAX_FILES} more; narrow with "under".` : shown;
      }),
    {
      name: "list_files",
      description: "List the files of the product's repository, optionally only those under a folder.",
      schema: z.object({
        under: z.string().optional().describe("a folder path inside the repository, e.g. src/import"),
      }),
    },
  );
}

/** Read a range of lines of one file. */
export function readFileTool(backend: CodeBackend) {
  return tool(
    ({ path, start, end }) =>
      readable(async () => {
        const from = start ?? 1;
        const range = await backend.readRange(path, from, Math.min(end ?? from + MAX_RANGE - 1, from + MAX_RANGE - 1));
        const numbered = range.lines.map((line, i) => `${String(range.start + i).padStart(5)}  ${line}`).join("\n");
        return `${range.path} lines ${range.start}-${range.end} of ${range.total}:\n${numbered}`;
      }),
    {
      name: "read_file",
      description: `Read lines of a file of the product's repository (at most ${MAX_RANGE} lines a call), numbered.`,
      schema: z.object({
        path: z.string().min(1).describe("repository-relative path, as list_files or search_code print it"),
        start: z.number().int().min(1).optional().describe("first line, 1-based (default 1)"),
        end: z.number().int().min(1).optional().describe("last line, inclusive"),
      }),
    },
  );
}

/** The PM's codebase tools over one backend. */
export function codebaseTools(backend: CodeBackend): StructuredToolInterface[] {
  return [searchCodeTool(backend), listFilesTool(backend), readFileTool(backend)];
}
