import { ProductProfile } from "../state/profile.js";

/**
 * The profile of a made-up product that is not the demo (a shared-notebook app), for tests of the
 * judgment rules; `overrides` are merged at the top level before validation.
 */
export function notebookProfile(overrides: Record<string, unknown> = {}): ProductProfile {
  return ProductProfile.parse({
    product: { name: "Quillboard", description: "Quillboard is a shared notebook for research teams: write notes, embed datasets, publish pages and share notebooks with reviewers." },
    departments: { editor: ["/notebooks"], sharing: ["/share"], billing: ["/billing", "/pricing"], support: ["/help"] },
    successEvents: ["note_published", "notebook_shared"],
    ...overrides,
  });
}
