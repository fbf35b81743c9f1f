import { getEncoding, type Tiktoken } from "js-tiktoken";

/** o200k_base: the encoding of OpenAI's current models; a fair measure for other models too. */
const ENCODING = "o200k_base";
let encoder: Tiktoken | null = null;

/** Tokens of `text` under a real tokenizer (js-tiktoken ships its ranks, so this works offline). */
export function countTokens(text: string): number {
  encoder ??= getEncoding(ENCODING);
  return encoder.encode(text).length;
}

/** The longest prefix of `text` that fits in `max` tokens. */
export function truncateToTokens(text: string, max: number): string {
  encoder ??= getEncoding(ENCODING);
  const tokens = encoder.encode(text);
  if (tokens.length <= max) return text;
  return encoder.decode(tokens.slice(0, Math.max(0, max - 2))) + "…";
}
