import { pino, destination } from "pino";

/**
 * The one logger: JSON lines on stderr, so stdout stays for results (`--json`). Quiet by default;
 * SELFHEAL_LOG_LEVEL=info (or debug) shows what the graphs do, stamped with thread and run ids.
 */
export const logger = pino(
  { name: "selfheal", level: process.env["SELFHEAL_LOG_LEVEL"] ?? "warn" },
  destination({ dest: 2, sync: true }),
);
