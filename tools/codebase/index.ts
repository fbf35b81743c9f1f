import { existsSync } from "node:fs";
import type { ProductProfile } from "../../state/profile.js";
import { githubAccess, githubClient, parseRepoSlug } from "../github/client.js";
import type { CodeBackend } from "./backend.js";
import { GitHubRepo } from "./githubRepo.js";
import { LocalRepo } from "./localRepo.js";
import { checkRepository } from "./checkRepository.js";

export type { CodeBackend } from "./backend.js";

/**
 * Where to read the product's code: its local clone when there is one (fast, the default), else its
 * GitHub repository (`repo.github`) when a token is at hand, else nowhere (locations stay unknown).
 */
export async function codeBackendFor(profile: ProductProfile, repoPath: string | null, env: NodeJS.ProcessEnv = process.env): Promise<CodeBackend | null> {
  if (repoPath && existsSync(repoPath)) {
    checkRepository(repoPath);
    return new LocalRepo(repoPath);
  }
  const slug = profile.repo?.github;
  if (!slug) {
    if (repoPath) checkRepository(repoPath); // not cloned, and no GitHub repository to read instead
    return null;
  }
  const access = githubAccess(env);
  if (!access.token) return null; // code search needs authentication, even on public repositories
  return new GitHubRepo(await githubClient(access, profile.services), { ...parseRepoSlug(slug), ref: profile.repo?.defaultBranch ?? "main" });
}
