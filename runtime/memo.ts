/**
 * A pure function of a string, remembered for the last few thousand inputs: an import repeats the same
 * URLs and element chains on every event of a session. Forgets everything once full, and keeps no input
 * longer than `longest` characters, so memory is bounded (a hostile export's megabyte URLs are not kept).
 */
export function memoized(fn: (input: string) => string, kept = 10_000, longest = 1000): (input: string) => string {
  const results = new Map<string, string>();
  return (input) => {
    if (input.length > longest) return fn(input);
    let result = results.get(input);
    if (result === undefined) {
      if (results.size >= kept) results.clear();
      result = fn(input);
      results.set(input, result);
    }
    return result;
  };
}
