import type { CodeLocation } from "../../state/pattern.js";
import type { CodeBackend, GrepHit } from "../../tools/codebase/backend.js";
import { isBuildOutput, preferSources } from "../../tools/codebase/fileKinds.js";
import { sourceTail } from "./fingerprint.js";
import { constantParts } from "./normalize.js";
import { traceOrigins, type FailureContext } from "./traceOrigin.js";
import type { FailureGroup } from "./groupFailures.js";

const MAX_LOCATIONS = 6;
/** An improvement's locations are where its route is served: a few say where to start. */
const IMPROVEMENT_LOCATIONS = 3;
/** The innermost places a failure shows whose values are followed back: deeper frames are plumbing. */
const TRACED = 2;
/** A string found in more places than this names no one place. */
const TOO_COMMON = 5;

/**
 * Where in the codebase a failure happens, without a model: the in-app stack frames mapped onto the
 * repository's files, else the lines that spell out its message or its failure event's name and values;
 * each of the innermost followed back to where the values it fails on are made (traceOrigin.ts), since a
 * fix is often there rather than where the error is raised. Sources come before tests and build output.
 * For an improvement, the code that serves its route.
 */
export async function locateInCode(group: FailureGroup, repo: CodeBackend): Promise<CodeLocation[]> {
  const raised: CodeLocation[] = [];
  const push = (list: CodeLocation[], loc: CodeLocation): void => {
    if (!list.some((f) => f.path === loc.path && f.line === loc.line)) list.push(loc);
  };
  for (const frame of group.frames) {
    const path = await repo.resolveFrameFile(sourceTail(frame.file));
    if (path) push(raised, { path, line: frame.line });
  }
  if (raised.length === 0 && group.kind === "bug") for (const hit of await spelledOut(group, repo)) push(raised, hit);
  if (raised.length === 0 && group.kind === "improvement") for (const hit of await routeServed(group.route, repo)) push(raised, hit);
  const shown = raised.length ? preferSources(raised) : raised;
  if (group.kind !== "bug") return shown.slice(0, IMPROVEMENT_LOCATIONS);
  const context = failureContext(group);
  const found: CodeLocation[] = [];
  for (const [i, at] of shown.entries()) {
    push(found, at);
    // Minified output has no names to follow: only sources are traced.
    if (i < TRACED && !isBuildOutput(at.path)) for (const origin of await traceOrigins(repo, at, context)) push(found, origin);
  }
  return found.slice(0, MAX_LOCATIONS);
}

/** Lines that spell the failure out: its message's constant parts, else its event's name and values as string literals. */
async function spelledOut(group: FailureGroup, repo: CodeBackend): Promise<CodeLocation[]> {
  const hits: CodeLocation[] = [];
  const terms = [...(group.message ? constantParts(group.message).slice(0, 3).map((text) => ({ text, quoted: false })) : []), ...group.literals.slice(0, 4).map((text) => ({ text, quoted: true }))];
  for (const term of terms) {
    const found = term.quoted ? await repo.grep(quotedPattern(term.text), { regex: true, limit: TOO_COMMON * 4 }) : await repo.grep(term.text, { limit: TOO_COMMON * 4 });
    const sources = preferSources(found);
    if (sources.length === 0 || sources.length > TOO_COMMON) continue;
    for (const hit of locations(sources, 2)) if (!hits.some((h) => h.path === hit.path && h.line === hit.line)) hits.push(hit);
  }
  return hits;
}

/**
 * Where the route is served: the string that spells the route itself (`"/orders/:id/refund"`, or a
 * template filling its parameters), else the lines naming its static start. A rage click has no stack;
 * the prefix alone also matches the routes beside it (`/orders` for `/orders/:id/refund`).
 */
async function routeServed(route: string, repo: CodeBackend): Promise<CodeLocation[]> {
  const exact = route.length > 1 ? preferSources(await repo.grep(quotedPattern(route), { regex: true, limit: TOO_COMMON * 4 })) : [];
  if (exact.length > 0 && exact.length <= TOO_COMMON) return locations(exact, IMPROVEMENT_LOCATIONS);
  const staticRoute = route.split("/:id")[0] ?? "";
  if (staticRoute.length < 4) return [];
  return locations(await repo.grep(staticRoute, { limit: TOO_COMMON * 4 }), IMPROVEMENT_LOCATIONS);
}

/** Grep hits as code locations: the sources among them when any matched (else the tests, …), the first `n`. */
function locations(hits: GrepHit[], n: number): CodeLocation[] {
  return preferSources(hits).slice(0, n).map((hit) => ({ path: hit.path, line: hit.line }));
}

function failureContext(group: FailureGroup): FailureContext {
  const words = `${group.message ?? ""} ${group.literals.join(" ")}`.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return { frameFunctions: new Set(group.frames.map((f) => f.function)), messageWords: new Set(words.filter((w) => w.length >= 3)) };
}

/**
 * A string literal holding `text`: exactly, or for an API path (`/v1/items/:id`) as the start of one, with
 * its parameters filled in any way (`/v1/items/${id}?full=1`).
 */
function quotedPattern(text: string): string {
  if (!text.startsWith("/")) return `["'\`]${escapeRegex(text)}["'\`]`;
  const path = text.split(/\/:[A-Za-z_]\w*/).map(escapeRegex).join("/(\\$\\{[^}]*\\}|[^/\"'`]+)");
  return `["'\`]${path}(["'\`?#]|$)`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
