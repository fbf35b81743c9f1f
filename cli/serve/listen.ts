import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { UsageError } from "../../runtime/errors.js";

export interface Listening {
  /** The app's address, without the token. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the app on host:port (port 0: a free one), resolving once it listens; a port or host it cannot bind is bad usage (exit 2). */
export function listen(app: Hono, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    let server: ServerType | null = null;
    const failed = (err: NodeJS.ErrnoException) => reject(bindError(err, host, port));
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server?.off("error", failed);
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({ origin: `http://${shown}:${info.port}`, close: () => new Promise((done) => server?.close(() => done())) });
    });
    server.once("error", failed);
  });
}

/** Why host:port cannot be bound, as the options to change; other errors as they are. */
function bindError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === "EADDRINUSE") return new UsageError(`port ${port} on ${host} is taken: pick another with --port, or leave it out for a free one`);
  if (err.code === "EACCES") return new UsageError(`port ${port} on ${host} needs privileges this user does not have: pick one above 1023 with --port, or leave it out for a free one`);
  if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND" || err.code === "EAI_AGAIN") {
    return new UsageError(`--host ${host} is not an address of this machine (${err.code}): give one of its addresses, or leave it out for 127.0.0.1`);
  }
  return err;
}
