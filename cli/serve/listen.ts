import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { UsageError } from "../../runtime/errors.js";

export interface Listening {
  /** The app's address, without the token. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the app on host:port (port 0: a free one), resolving once it listens; a taken port is bad usage (exit 2). */
export function listen(app: Hono, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    let server: ServerType | null = null;
    const failed = (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new UsageError(`port ${port} on ${host} is taken: pick another with --port, or leave it out for a free one`) : err);
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server?.off("error", failed);
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({ origin: `http://${shown}:${info.port}`, close: () => new Promise((done) => server?.close(() => done())) });
    });
    server.once("error", failed);
  });
}
