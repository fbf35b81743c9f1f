import type { ProductProfile } from "../../state/profile.js";
import { terms } from "../pm/textSimilarity.js";

/**
 * Whether an ad or search term is about this product. The product's name alone proves nothing (a bid on
 * a brand name catches its namesakes: "acme anvils"), so the term's other words decide: on target when
 * one of them is a word of what the profile says the product does (description, departments and their
 * routes, success events), or when there is no other word (a search for the brand itself). A quick
 * bounce from an on-target term is an ordinary bounce; only an off-target one wanted another product.
 */
export function isOnTarget(term: string, profile: ProductProfile): boolean {
  const name = new Set(words(profile.product.name));
  const vocabulary = new Set(words(vocabularyText(profile)));
  const rest = words(term).filter((w) => !name.has(w));
  return rest.length === 0 || rest.some((w) => vocabulary.has(w));
}

/** Stemmed words, not folded into concepts: "weekly" is no "automation" here. */
function words(text: string): string[] {
  return terms(text.replace(/[+_/:.-]/g, " "), false);
}

function vocabularyText(profile: ProductProfile): string {
  return [profile.product.description, ...Object.keys(profile.departments), ...Object.values(profile.departments).flat(), ...profile.successEvents].join(" ");
}
