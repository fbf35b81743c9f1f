import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../state/loadProfile.js";
import { globalsOf } from "../globals.js";
import { reviewApp } from "../serve/app.js";
import { newAccessToken } from "../serve/access.js";
import { listen } from "../serve/listen.js";

/**
 * The Monday review as a local web app. The first line on stdout is its URL with the access token;
 * it then serves until SIGINT or SIGTERM, and closes the warehouse on the way out.
 */
export async function run(options: { port: number; host: string }, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command);
  const warehouse = openWarehouse(settings.db);
  const token = newAccessToken();
  const app = reviewApp({ settings, warehouse, loaded: loadProfile(settings.config) }, token);
  const server = await listen(app, options.host, options.port).catch(async (err: unknown) => {
    await warehouse.close();
    throw err;
  });
  // Listening for the stop signals before the URL is out: a caller may stop the app the moment it has it.
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  process.stdout.write(`${server.origin}/?token=${token}\n`);
  out.progress(`Serving the review of ${settings.db} on ${server.origin}; Ctrl-C stops it.`);
  await stopped;
  await server.close();
  await warehouse.close();
}
