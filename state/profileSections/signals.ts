import { z } from "zod";

/** A product event that records a search, and the property that holds what was searched for. */
const SearchEvent = z.strictObject({
  event: z.string().min(1),
  queryProperty: z.string().min(1).default("query").describe("property holding what the user searched for"),
  resultCountProperty: z.string().min(1).optional().describe("property holding how many results it found; 0 means nothing found"),
});

/**
 * Searches the profile declares: product events, and URL parameters that really are searches on this
 * product. An array is taken as the events alone.
 */
export const SearchEvents = z
  .preprocess(
    (v) => (Array.isArray(v) ? { events: v } : v),
    z.strictObject({
      events: z.array(SearchEvent).default([]),
      urlParameters: z
        .array(z.string().min(1))
        .optional()
        .describe("query parameters that are site searches; default q, query, search, search_query, keyword, keywords"),
      helpRoutes: z
        .array(z.string().startsWith("/"))
        .optional()
        .describe("route prefixes of the help centre or docs, where users look up how to do something elsewhere; default /help, /docs, /support, /faq, /kb"),
    }),
  )
  .prefault({})
  .describe("how users search this product");
export type SearchEvents = z.infer<typeof SearchEvents>;

/** A product event that means something failed for the user, with or without a stack trace. */
const FailureEvent = z.preprocess(
  (v) => (typeof v === "string" ? { event: v } : v),
  z.strictObject({
    event: z.string().min(1),
    messageProperty: z.string().min(1).optional().describe("property holding its message or status; default: message, error, reason, status, code"),
  }),
);

export const FailureEvents = z
  .array(FailureEvent)
  .default([])
  .describe("custom failure events, beyond events named like errors (error, exception)");
export type FailureEvents = z.infer<typeof FailureEvents>;

/** Errors that are not the product's failures: beyond the built-in list of benign browser errors. */
export const NoiseSettings = z
  .strictObject({
    benignErrors: z
      .array(z.string().min(1))
      .default([])
      .describe("regular expressions (case-insensitive) matched against `Type: message`; a match is noise"),
    productHosts: z
      .array(z.string().min(1))
      .default([])
      .describe("hosts that serve the product's own scripts (a CDN); other hosts' scripts are third-party"),
  })
  .prefault({})
  .describe("what counts as noise rather than a product failure");
export type NoiseSettings = z.infer<typeof NoiseSettings>;
