/** "1 event", "2 events": a count with its noun (regular English plurals only). */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
