/**
 * Calls run one after another in call order, each once the one before it has settled, whatever its
 * outcome: a failed call fails its own caller, not the next. For work that may be asked for before
 * the last is done but must not overlap it (an insert that looks up what the last one stored, a buffer
 * the last batch is still being read from).
 */
export class InTurn {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.last.then(fn);
    this.last = next.catch(() => undefined);
    return next;
  }
}
