import { z } from "zod";

/**
 * Linear access for `tracker.kind: "linear"`. The API key never sits in the profile: it is read from
 * the environment variable named here.
 */
export const LinearSection = z
  .strictObject({
    team: z.string().min(1).describe("team key (e.g. ENG) or team id that receives the tickets"),
    apiKeyEnv: z.string().default("LINEAR_API_KEY").describe("environment variable holding the Linear API key"),
    apiUrl: z.url().optional().describe("GraphQL endpoint override (a proxy, or a local fake in tests)"),
    patternUrl: z
      .string()
      .optional()
      .describe("link back to a pattern, with {fingerprint} and {week} placeholders, e.g. https://selfheal.acme.dev/patterns/{week}/{fingerprint}"),
  })
  .optional()
  .describe("Linear settings, required when tracker.kind is linear");
export type LinearSection = z.infer<typeof LinearSection>;
