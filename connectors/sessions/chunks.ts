/** Reads back per warehouse call during sessionizing: a round trip per few hundred, memory of a few hundred. */
export const READ_CHUNK = 200;

/** The items in arrays of up to `size`, in order. */
export function* inChunks<T>(items: Iterable<T>, size = READ_CHUNK): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
