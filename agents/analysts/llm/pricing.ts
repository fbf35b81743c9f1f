import type { GathererSettings } from "../../../state/profileSections/gatherer.js";

/** USD per million tokens of well-known OpenAI models (list prices); others need `gatherer.pricing`. */
const KNOWN: [prefix: string, input: number, output: number][] = [
  ["gpt-4o-mini", 0.15, 0.6],
  ["gpt-4o", 2.5, 10],
  ["gpt-4.1-nano", 0.1, 0.4],
  ["gpt-4.1-mini", 0.4, 1.6],
  ["gpt-4.1", 2, 8],
  ["gpt-5-nano", 0.05, 0.4],
  ["gpt-5-mini", 0.25, 2],
  ["gpt-5", 1.25, 10],
];

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** The configured price, else a known model's, else null (cost then recorded as unknown). */
export function priceOf(model: string, settings: GathererSettings): Price | null {
  if (settings.pricing) return settings.pricing;
  const known = KNOWN.find(([prefix]) => model === prefix || model.startsWith(`${prefix}-`));
  return known ? { inputPerMillion: known[1], outputPerMillion: known[2] } : null;
}

export function costUsd(price: Price | null, inputTokens: number, outputTokens: number): number | null {
  if (!price) return null;
  return Math.round(((inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1e6) * 1e8) / 1e8;
}
