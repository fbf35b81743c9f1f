import type { ProductProfile } from "../../state/profile.js";
import { UsageError } from "../../runtime/errors.js";
import type { ServiceSettings } from "../../state/profileSections/services.js";

/** Everything a pull needs, resolved: profile section `posthog`, overridden by the environment. */
export interface PostHogApiSettings {
  host: string;
  projectId: string;
  apiKey: string;
  pageSize: number;
  /** The profile's `services` settings (timeouts, backoff, circuit), with `posthog.maxRetries` as the retries of a page. */
  services: ServiceSettings;
}

export function postHogSettings(profile: ProductProfile, env: NodeJS.ProcessEnv): PostHogApiSettings {
  const section = profile.posthog;
  const host = (env["POSTHOG_HOST"] || section.host).replace(/\/+$/, "");
  const projectId = env["POSTHOG_PROJECT_ID"] || (section.projectId === undefined ? "" : String(section.projectId));
  const apiKey = env["POSTHOG_API_KEY"] || section.apiKey || "";
  if (!/^https?:\/\//.test(host)) throw new UsageError(`PostHog host must be an http(s) URL, got "${host}" (posthog.host or POSTHOG_HOST)`);
  if (!projectId) throw new UsageError("no PostHog project id: set posthog.projectId in the config or POSTHOG_PROJECT_ID");
  if (!apiKey) throw new UsageError("no PostHog personal API key: set POSTHOG_API_KEY (or posthog.apiKey in the config)");
  return { host, projectId, apiKey, pageSize: section.pageSize, services: { ...profile.services, maxRetries: section.maxRetries } };
}
