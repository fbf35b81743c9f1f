import type { ProductProfile } from "../../state/profile.js";
import { normalizeRoute } from "../../connectors/routes.js";

/**
 * The department owning a route: the longest matching route prefix in the profile, else the fallback.
 * Prefixes are normalized like routes (lower case, ids as :id), so "/Help" and "/checkout/step-2" in a
 * profile match what sessions record.
 */
export function departmentOf(route: string, profile: ProductProfile): string {
  let best: { department: string; length: number } | null = null;
  for (const [department, prefixes] of Object.entries(profile.departments)) {
    for (const raw of prefixes) {
      const prefix = normalizeRoute(raw);
      if (matchesPrefix(route, prefix) && (!best || prefix.length > best.length)) best = { department, length: prefix.length };
    }
  }
  return best?.department ?? profile.fallbackDepartment;
}

/** A route is under a prefix when it is the prefix or below it; "/" owns the home page only. */
export function matchesPrefix(route: string, prefix: string): boolean {
  if (prefix === "/") return route === "/";
  return route === prefix || route.startsWith(`${prefix}/`);
}
