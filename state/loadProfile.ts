import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ProductProfile } from "./profile.js";
import { InputError } from "../runtime/errors.js";

/** A loaded profile plus the folder its relative paths are resolved against. */
export interface LoadedProfile {
  profile: ProductProfile;
  /** Absolute path of the file, or null for the built-in default. */
  file: string | null;
  /** Absolute path of the product repository, when the profile names one. */
  repoPath: string | null;
}

const DEFAULT_PROFILE: ProductProfile = ProductProfile.parse({
  product: { name: "Product", description: "A product whose profile has not been written yet." },
  departments: {},
  successEvents: [],
});

export function loadProfile(file: string | null): LoadedProfile {
  if (!file) return { profile: DEFAULT_PROFILE, file: null, repoPath: null };
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError("config file not found", { file: path });
  const text = readFileSync(path, "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    throw new InputError(`not valid JSON (${message})`, { file: path, line: lineOfJsonError(text, message) });
  }
  const parsed = ProductProfile.safeParse(raw);
  if (!parsed.success) {
    const [issue, ...others] = parsed.error.issues;
    const keyPath = issue ? issueKeyPath(issue) : "";
    // Every problem at once: fixing one key at a time, a run each, is no way to fix a profile.
    const more = others.slice(0, 9).map((o) => `${issueKeyPath(o) || "(top level)"}: ${o.message}`);
    if (others.length > more.length) more.push(`${others.length - more.length} more`);
    const message = `${issue?.message ?? "invalid profile"}${more.length ? `; also ${more.join("; ")}` : ""}`;
    throw new InputError(message, { file: path, key: keyPath || undefined });
  }
  const profile = parsed.data;
  const repoPath = profile.repo ? resolve(dirname(path), profile.repo.path) : null;
  return { profile, file: path, repoPath };
}

/** Zod reports unknown keys on the parent object; name the key itself. */
function issueKeyPath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  const segments = issue.path.map(String);
  if (issue.code === "unrecognized_keys" && issue.keys?.[0]) segments.push(issue.keys[0]);
  return segments.join(".");
}

/** V8 names a JSON syntax error by character position; people want the line. */
function lineOfJsonError(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return undefined;
  return text.slice(0, Number(position)).split("\n").length;
}
