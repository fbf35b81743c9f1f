import { describe, it, expect, beforeAll } from "vitest";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { runCli } from "../../testing/cli.js";
import { startServe } from "../../testing/serve.js";
import { seedDemoWeek, type DemoWeek } from "../../testing/demoWeek.js";
import { tempDir } from "../../testing/events.js";

describe("selfheal serve", () => {
  let demo: DemoWeek;
  let base: string[];
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 60, seed: 3 });
    base = ["--db", demo.settings.db, "--config", demo.settings.config!];
  }, 120_000);

  it("prints its URL on 127.0.0.1 with the token as the first line, serves with it only, and stops cleanly on SIGTERM", async () => {
    const serve = await startServe(base);
    const url = new URL(serve.url);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.pathname).toBe("/");
    expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect((await fetch(`${url.origin}/`)).status).toBe(401);
    // The token is traded for a cookie (fetch keeps none, so it is passed on by hand).
    const first = await fetch(serve.url, { redirect: "manual" });
    expect(first.status, serve.log()).toBe(303);
    const cookie = first.headers.get("set-cookie")?.split(";")[0] ?? "";
    const signedIn = await fetch(`${url.origin}/`, { headers: { cookie } });
    expect(signedIn.status, serve.log()).toBe(200);
    expect(await signedIn.text()).toContain(`Week ${demo.week}`);
    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
  }, 120_000);

  it("refuses a bad --port and a mistyped --db (exit 2, nothing created), a taken port and a host not of this machine, saying which and how to pick another (exit 2)", async () => {
    const badPort = await runCli([...base, "serve", "--port", "http"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain("--port must be a whole number from 1 to 65535");

    const missing = join(tempDir(), "typo.db");
    const noDb = await runCli(["--db", missing, "serve"]);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain("no warehouse here");
    expect(existsSync(missing)).toBe(false);

    const taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, "127.0.0.1", () => resolve((taken.address() as { port: number }).port)));
    try {
      const busy = await runCli([...base, "serve", "--port", String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`port ${port} on 127.0.0.1 is taken: pick another with --port`);
      expect(busy.stdout).toBe("");
    } finally {
      taken.close();
    }

    // TEST-NET-1 (RFC 5737): never an address of this machine
    const elsewhere = await runCli([...base, "serve", "--host", "192.0.2.1"]);
    expect(elsewhere.code, elsewhere.stderr).toBe(2);
    expect(elsewhere.stderr).toContain("--host 192.0.2.1 is not an address of this machine (EADDRNOTAVAIL)");
  }, 120_000);
});
