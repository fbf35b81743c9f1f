/**
 * Cuts decoded text into lines as chunks arrive: a line ends at "\n", "\r\n" or a lone "\r" (as
 * readline reads them), and "\r\n" split across two chunks is one break. A chunk's lines come back
 * together, so a reader pays one await per chunk rather than one per line. Only each new chunk is
 * searched: a line longer than many chunks is kept as its pieces and joined once, when it ends.
 */
export class LineSplitter {
  private pieces: string[] = [];
  /** The last chunk ended with "\r": a "\n" opening the next one is the same break. */
  private afterCr = false;

  /** The lines the chunk completes; its unfinished tail waits for the next chunk. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = this.afterCr && chunk.charCodeAt(0) === 10 ? 1 : 0;
    this.afterCr = false;
    // Each kind of break is searched for again only once passed: a chunk without any "\r" costs one scan for it.
    let cr = chunk.indexOf("\r", start);
    let lf = chunk.indexOf("\n", start);
    for (;;) {
      if (cr !== -1 && cr < start) cr = chunk.indexOf("\r", start);
      if (lf !== -1 && lf < start) lf = chunk.indexOf("\n", start);
      if (cr === -1 && lf === -1) break;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        lines.push(this.ending(chunk.slice(start, cr)));
        if (cr === chunk.length - 1) this.afterCr = true;
        start = chunk.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        lines.push(this.ending(chunk.slice(start, lf)));
        start = lf + 1;
      }
    }
    if (start < chunk.length) this.pieces.push(chunk.slice(start));
    return lines;
  }

  /** The last line, when the text does not end with a break. */
  end(): string[] {
    return this.pieces.length > 0 ? [this.ending("")] : [];
  }

  private ending(tail: string): string {
    if (this.pieces.length === 0) return tail;
    this.pieces.push(tail);
    const line = this.pieces.join("");
    this.pieces = [];
    return line;
  }
}
