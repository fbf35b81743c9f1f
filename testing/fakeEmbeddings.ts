import { createHash } from "node:crypto";

/** Dimensions of the fake server's vectors. */
export const FAKE_EMBEDDING_DIMENSIONS = 256;

/**
 * A deterministic embedding: a hashed bag of words, L2-normalized, so texts sharing words point the
 * same way and unrelated texts are near orthogonal. It measures word overlap, not meaning: tests use it
 * for mechanics (the request, the response schema, the store), never as a claim about a real model.
 */
export function hashedBagOfWords(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const digest = createHash("sha256").update(word).digest();
    const index = digest.readUInt32LE(0) % dimensions;
    vector[index] = (vector[index] ?? 0) + (digest[4]! % 2 === 0 ? 1 : -1);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

/**
 * The body of OpenAI's `POST /v1/embeddings` response for a request body, in its real schema: a list of
 * `{ object: "embedding", index, embedding }`, the embedding a float array or, when the client asks for
 * `encoding_format: "base64"` (the openai library does by default), little-endian float32 bytes in base64.
 * Null when the input is not a string or a list of strings (the caller answers 400).
 */
export function embeddingsResponse(body: { input?: unknown; model?: unknown; encoding_format?: unknown }): object | null {
  const inputs = typeof body.input === "string" ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((i): i is string => typeof i === "string")) return null;
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((text, index) => {
    const vector = hashedBagOfWords(text);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
    return { object: "embedding", index, embedding };
  });
  const tokens = inputs.reduce((sum, text) => sum + (text.match(/\S+/g)?.length ?? 0), 0);
  return { object: "list", data, model: typeof body.model === "string" ? body.model : "fake-embeddings", usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
