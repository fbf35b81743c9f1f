/**
 * `selfheal reports | head -1`: once the reader has gone, the rest of the output has nowhere to go.
 * That is not a failure of the command, so it ends at once, quietly, instead of printing an EPIPE stack.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      process.exit(0);
    });
  }
}
