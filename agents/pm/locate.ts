import type { CodeLocation } from "../../state/pattern.js";
import type { CodeBackend } from "../../tools/codebase/backend.js";
import { sourceTail } from "./fingerprint.js";
import { constantParts } from "./normalize.js";
import type { FailureGroup } from "./groupFailures.js";

const MAX_LOCATIONS = 3;

/**
 * Where in the codebase a failure happens, without a model: the in-app stack frames mapped onto the
 * repository's files, else a search for the constant parts of the message; for an improvement, the
 * code that serves its route.
 */
export async function locateInCode(group: FailureGroup, repo: CodeBackend): Promise<CodeLocation[]> {
  const found: CodeLocation[] = [];
  const push = (loc: CodeLocation): void => {
    if (found.length < MAX_LOCATIONS && !found.some((f) => f.path === loc.path && f.line === loc.line)) found.push(loc);
  };
  for (const frame of group.frames) {
    const path = await repo.resolveFrameFile(sourceTail(frame.file));
    if (path) push({ path, line: frame.line });
  }
  if (found.length === 0 && group.message) {
    for (const part of constantParts(group.message).slice(0, 3)) {
      for (const hit of await repo.grep(part, { limit: MAX_LOCATIONS })) push({ path: hit.path, line: hit.line });
      if (found.length) break;
    }
  }
  if (found.length === 0 && group.kind === "improvement") {
    const staticRoute = group.route.split("/:id")[0] ?? "";
    if (staticRoute.length >= 4) {
      for (const hit of await repo.grep(staticRoute, { limit: MAX_LOCATIONS })) push({ path: hit.path, line: hit.line });
    }
  }
  return found;
}
