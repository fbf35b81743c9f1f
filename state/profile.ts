import { z } from "zod";
import { SourceTable } from "./profileSections/sourceTable.js";
import { SkynetSettings } from "./profileSections/skynet.js";
import { ScheduleSettings } from "./profileSections/schedule.js";
import { GathererSettings, RedactionSettings } from "./profileSections/gatherer.js";
import { PostHogSettings } from "./profileSections/posthog.js";
import { LinearSection } from "./profileSections/linear.js";
import { ServiceSettings } from "./profileSections/services.js";
import { FailureEvents, NoiseSettings, SearchEvents } from "./profileSections/signals.js";
import { VerifySettings } from "./profileSections/verify.js";
import { MemorySettings } from "./profileSections/memory.js";

/** Before any product's analytics: an event dated earlier is a default or a unit mistake (1970, year 1). */
export const DEFAULT_PRODUCT_SINCE = "2000-01-01";

/**
 * The product profile: everything product-specific that selfheal knows. Strict objects, so an unknown
 * key is an error naming its path instead of a setting silently ignored.
 */
export const ProductProfile = z.strictObject({
  product: z.strictObject({
    name: z.string().min(1),
    description: z.string().min(1).describe("what the product is for, in a sentence or two"),
  }),
  // Apart from `product`, which the analysts' versions hash: when an import's floor moves, no report goes stale.
  ingest: z
    .strictObject({
      since: z.iso
        .date()
        .default(DEFAULT_PRODUCT_SINCE)
        .describe("the first day the product recorded events (YYYY-MM-DD); an event dated before it is a malformed line"),
      fromTable: SourceTable,
    })
    .prefault({}),
  departments: z
    .record(z.string(), z.array(z.string().startsWith("/")))
    .describe("department -> route prefixes it owns"),
  successEvents: z.array(z.string()).describe("events that mean a user got value"),
  searchEvents: SearchEvents,
  failureEvents: FailureEvents,
  noise: NoiseSettings,
  thresholds: z
    .strictObject({
      ticketMinSessions: z.number().int().min(1).default(5),
      highPriorityMinSessions: z.number().int().min(1).default(20),
    })
    .prefault({}),
  repo: z
    .strictObject({
      path: z.string().describe("local clone of the product, relative to this file"),
      github: z.string().optional().describe("owner/name for pull requests"),
      defaultBranch: z.string().default("main"),
      testCommand: z.string().default("npm test"),
    })
    .optional(),
  tracker: z
    .strictObject({ kind: z.enum(["local", "linear"]).default("local") })
    .prefault({}),
  linear: LinearSection,
  models: z
    .strictObject({
      gatherer: z.string().optional(),
      pm: z.string().optional(),
      skynet: z.string().optional(),
      embeddings: z.string().optional().describe("embeddings model on the same endpoint (e.g. text-embedding-3-small): the PM then matches new patterns to remembered tickets by meaning"),
    })
    .prefault({})
    .describe("model name per role; a role without one runs its deterministic fallback"),
  skynet: SkynetSettings,
  schedule: ScheduleSettings,
  gatherer: GathererSettings,
  redaction: RedactionSettings,
  posthog: PostHogSettings,
  services: ServiceSettings,
  verify: VerifySettings,
  memory: MemorySettings,
  fallbackDepartment: z.string().default("product").describe("department for routes no prefix matches"),
});
export type ProductProfile = z.infer<typeof ProductProfile>;
