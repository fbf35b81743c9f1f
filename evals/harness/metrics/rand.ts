/** n choose 2. */
function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Adjusted Rand index of two labellings of the same items (Hubert and Arabie, 1985): 1 for identical
 * partitions, about 0 for chance agreement, negative for worse. Null for fewer than two items; 1 when
 * both partitions are trivially the same (all apart or all together).
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number | null {
  if (truth.length !== predicted.length) throw new RangeError("both labellings must cover the same items");
  const n = truth.length;
  if (n < 2) return null;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    const cell = JSON.stringify([t, p]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  }
  const index = [...cells.values()].reduce((s, c) => s + pairs(c), 0);
  const rowSum = [...rows.values()].reduce((s, c) => s + pairs(c), 0);
  const colSum = [...cols.values()].reduce((s, c) => s + pairs(c), 0);
  const expected = (rowSum * colSum) / pairs(n);
  const max = (rowSum + colSum) / 2;
  if (max === expected) return index === expected ? 1 : 0;
  return (index - expected) / (max - expected);
}
