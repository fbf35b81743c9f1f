import type { ProductProfile } from "../../state/profile.js";

/** The department owning a route: the longest matching route prefix in the profile, else the fallback. */
export function departmentOf(route: string, profile: ProductProfile): string {
  let best: { department: string; length: number } | null = null;
  for (const [department, prefixes] of Object.entries(profile.departments)) {
    for (const prefix of prefixes) {
      if (matchesPrefix(route, prefix) && (!best || prefix.length > best.length)) best = { department, length: prefix.length };
    }
  }
  return best?.department ?? profile.fallbackDepartment;
}

function matchesPrefix(route: string, prefix: string): boolean {
  if (prefix === "/") return route === "/";
  const p = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return route === p || route.startsWith(`${p}/`);
}
