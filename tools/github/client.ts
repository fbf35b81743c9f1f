import type { Octokit } from "@octokit/rest";
import type { ServiceSettings } from "../../state/profileSections/services.js";
import { ServiceGuard } from "../../runtime/outside/guard.js";

/** Where GitHub is and who we are there; the token and URL come from the environment, never the profile. */
export interface GitHubAccess {
  token: string | null;
  /** API base URL: GitHub Enterprise, or a local fake server in tests. */
  baseUrl: string;
}

/** GITHUB_TOKEN (or GH_TOKEN) and GITHUB_API_URL, with the profile's apiUrl as the fallback URL. */
export function githubAccess(env: NodeJS.ProcessEnv = process.env, apiUrl?: string): GitHubAccess {
  return {
    token: env["GITHUB_TOKEN"] || env["GH_TOKEN"] || null,
    baseUrl: (env["GITHUB_API_URL"] || apiUrl || "https://api.github.com").replace(/\/+$/, ""),
  };
}

/**
 * The one place a GitHub client is constructed (and Octokit loaded: only the commands that reach GitHub
 * load it). Every request goes through the profile's `services` guard; a POST (a PR opened) is retried
 * only when GitHub surely did not act on it, and its caller looks for what it made before trying again.
 */
export async function githubClient(access: GitHubAccess, services: ServiceSettings): Promise<Octokit> {
  const { Octokit } = await import("@octokit/rest");
  const octokit = new Octokit({
    auth: access.token ?? undefined,
    baseUrl: access.baseUrl,
    userAgent: "selfheal",
    // Octokit's default logger writes to the console; library code stays quiet.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const guard = new ServiceGuard("GitHub", services);
  octokit.hook.wrap("request", (request, options) =>
    guard.call(async (signal) => {
      const response = await request({ ...options, request: { ...options.request, signal } });
      // Octokit hands a JSON body that does not parse back as a string: a reply cut or garbled on the way.
      if (typeof response.data === "string" && /json/.test(String(response.headers["content-type"] ?? ""))) throw new SyntaxError("GitHub's reply was not valid JSON");
      return response;
    }, options.method === "POST" ? "unsafe" : "safe"),
  );
  return octokit;
}

/** "owner/name" split, or an error naming the bad value. */
export function parseRepoSlug(slug: string): { owner: string; repo: string } {
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(slug.trim());
  if (!m) throw new Error(`repo.github must be "owner/name", got ${JSON.stringify(slug)}`);
  return { owner: m[1]!, repo: m[2]! };
}
