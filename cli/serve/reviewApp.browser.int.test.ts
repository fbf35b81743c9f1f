import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { runCli } from "../../testing/cli.js";
import { startServe, type ServingApp } from "../../testing/serve.js";
import { THREADS } from "../../graphs/host/threads.js";

/** Debian's Chromium as root on a closed network: no sandbox, no GPU, no calls home. */
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe("the review app in a real browser (Debian's Chromium)", () => {
  let demo: DemoWeek;
  let serve: ServingApp;
  let context: BrowserContext;
  let page: Page;
  const shots = mkdtempSync(join(tmpdir(), "selfheal-review-shots-"));
  const shot = async (name: string) => {
    const path = join(shots, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
  };

  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 400, seed: 12 });
    // The weekly run stops at the ticket gate: nobody answered it.
    const run = await runCli(["--db", demo.settings.db, "--config", demo.settings.config!, "run", "--week", demo.week]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain("file_tickets");
    serve = await startServe(["--db", demo.settings.db, "--config", demo.settings.config!]);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "selfheal-chromium-")), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1200, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    serve?.child.kill("SIGTERM");
  });

  it("prints a URL on 127.0.0.1 with its token first, and refuses a request without the token", async () => {
    const url = new URL(serve.url);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.searchParams.get("token")?.length).toBeGreaterThanOrEqual(32);
    expect((await fetch(`${url.origin}/gates`)).status).toBe(401);
  });

  it("opens the week, follows a pattern to a session, and accepts the gate, which resumes the run and shows its result", async () => {
    await page.goto(serve.url);
    await expect.poll(() => page.locator("h1").textContent()).toBe(`Week ${demo.week}`);
    expect(new URL(page.url()).searchParams.has("token")).toBe(false); // traded for a cookie
    expect(await page.locator('svg[aria-label="Implied NPS per week"]').count()).toBe(1);
    await shot("week");

    await page.getByRole("link", { name: "Patterns", exact: true }).click();
    await page.locator("table a").first().click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(`Pattern in ${demo.week}`);
    await shot("pattern");
    await page.locator("table a").first().click();
    await expect.poll(() => page.getByRole("heading", { name: "Transcript" }).count()).toBe(1);
    await shot("session");

    await page.getByRole("link", { name: "Gates", exact: true }).click();
    const thread = THREADS.weekly.threadId(demo.week);
    const gate = page.locator("section.gate", { hasText: thread });
    await expect.poll(() => gate.count()).toBe(1);
    await shot("gates");
    await gate.getByRole("button", { name: "Accept" }).click();
    const result = page.locator("#result");
    await result.waitFor({ timeout: 150_000 });
    expect(await result.textContent()).toContain(`${thread}: accept → the run finished`);
    await shot("gate-answered");

    const filed = await withWarehouse(demo, (w) => w.listTickets());
    expect(filed.length).toBeGreaterThan(0);
    const shown = await page.locator("main").textContent();
    for (const t of filed) expect(shown).toContain(t.id);
    expect(shown).toContain("Digest");

    // The run's work, as the other pages now show it.
    await page.getByRole("link", { name: "Tickets", exact: true }).click();
    for (const t of filed) expect(await page.locator("main").textContent()).toContain(t.id);
    await shot("tickets");
    await page.getByRole("link", { name: "Skynet", exact: true }).click();
    await page.locator("table a").first().click();
    await expect.poll(() => page.getByRole("heading", { name: "Tests before" }).count()).toBe(1);
    await shot("attempt");
  }, 180_000);
});
