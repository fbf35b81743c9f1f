/** SQLite's default limit on bound parameters is 32766; stay well below it. */
export const IN_CHUNK = 500;

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
