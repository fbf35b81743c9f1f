import cliProgress from "cli-progress";

/** How often a log (stderr not a terminal) gets a progress line. */
const PLAIN_EVERY_MS = 5000;

export interface ProgressOptions {
  /** What is being done, e.g. "ingest". */
  label: string;
  /** What the total counts, e.g. "sessions"; amounts are shown through `amount`. */
  unit: string;
  amount?: (n: number) => string;
  /** Where it is drawn (stderr: results keep stdout); a terminal gets a bar. */
  stream?: NodeJS.WriteStream;
}

/** One long step's progress: a live bar on a terminal, a plain line every few seconds in a log. */
export interface Progress {
  /** Done so far, out of `total` (which may grow, or become known late), with a short note. */
  update(done: number, total: number, note?: string): void;
  /** Draws the last state and releases the terminal line; later updates are ignored. Always call it, even on failure. */
  stop(): void;
}

export function startProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const amount = opts.amount ?? ((n: number) => n.toLocaleString("en-US"));
  if (!stream.isTTY) return plainProgress(opts, stream, amount);
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${opts.label} {bar} {percentage}% {value}/{total} ${opts.unit}{note} · ETA {eta_formatted}`,
      hideCursor: true,
      barsize: 30,
      formatValue: (v, _options, type) => (type === "value" || type === "total" ? amount(v) : String(v)),
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(done, total, note) {
      if (stopped) return;
      const payload = { note: note ? ` · ${note}` : "" };
      if (!started) {
        bar.start(Math.max(total, 1), done, payload);
        started = true;
        return;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, payload);
    },
    stop() {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}

/**
 * In a log: the first state, then one line every few seconds while it changes, and the last state at
 * stop, each line once (cli-progress rewrites the same line on a timer and again at stop).
 */
function plainProgress(opts: ProgressOptions, stream: NodeJS.WriteStream, amount: (n: number) => string): Progress {
  let latest = "";
  let written = "";
  let writtenAt = 0;
  let stopped = false;
  const write = (): void => {
    if (latest === written) return;
    stream.write(`${latest}\n`);
    written = latest;
    writtenAt = Date.now();
  };
  return {
    update(done, total, note) {
      if (stopped) return;
      const percentage = Math.floor((Math.min(done, Math.max(total, 1)) / Math.max(total, 1)) * 100);
      latest = `${opts.label}: ${amount(done)} of ${amount(Math.max(total, 1))} ${opts.unit} (${percentage}%)${note ? ` · ${note}` : ""}`;
      if (!written || Date.now() - writtenAt >= PLAIN_EVERY_MS) write();
    },
    stop() {
      if (!stopped) write();
      stopped = true;
    },
  };
}
