import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { reviewApp } from "./app.js";
import { signedIn } from "./testClient.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { tempDir } from "../../testing/events.js";
import { pageview, report, pattern, SCRIPT, WEEK } from "../../testing/digestWeek.js";
import { importEvents } from "../../connectors/importer.js";
import { resolveSettings } from "../../runtime/settings.js";
import { loadProfile } from "../../state/loadProfile.js";
import { heuristicVersion } from "../../agents/analysts/heuristic.js";
import type { Warehouse } from "../../warehouse/types.js";

const fresh = freshWarehouses();
const TOKEN = "t0ken-for-tests-0123456789abcdef";
const IMG = `"><img src=x onerror=alert(2)>`;

function appOn(warehouse: Warehouse) {
  const settings = resolveSettings({ db: warehouse.location, config: null });
  return reviewApp({ settings, warehouse, loaded: loadProfile(null) }, TOKEN);
}

/** A week whose every user-derived string is hostile: reports, a pattern, a ticket, an attempt, an event. */
async function hostileWeek(warehouse: Warehouse): Promise<void> {
  const version = heuristicVersion(loadProfile(null).profile);
  const hostileEvent = { ...pageview("s1", "2026-02-10T10:00:00.000Z"), uuid: "ev-hostile", event: SCRIPT, properties: { $session_id: "s1", label: SCRIPT } };
  await importEvents(warehouse, [pageview("s1", "2026-02-10T09:59:00.000Z"), hostileEvent, pageview("s2", "2026-02-11T10:00:00.000Z")]);
  await warehouse.saveReports([
    report("s1", 2, { analystVersion: version, userIntent: SCRIPT, userSuccess: `crashed ${SCRIPT}`, department: IMG }),
    report("s2", 9, { analystVersion: version }),
  ]);
  await warehouse.savePatterns(WEEK, [pattern({ fingerprint: `fp-${IMG}`, title: `Cart ${SCRIPT}`, signal: SCRIPT, route: IMG, sessionIds: ["s1"] })]);
  const ticket = await warehouse.insertTicket({
    id: "SH-1", fingerprint: `fp-${IMG}`, title: `Ticket ${SCRIPT}`, body: "b", kind: "bug", priority: 1, labels: [SCRIPT], status: "open", sessions: 1, codeLocations: [],
  });
  await warehouse.saveFixAttempt({
    ticketId: ticket.id, status: "failed_verification", branch: `b-${IMG}`, worktree: join(tempDir(), "gone"), briefPath: null,
    reason: `tests failed ${SCRIPT}`, prUrl: "javascript:alert(3)", testsBefore: SCRIPT, testsAfter: IMG, createdAt: "2026-02-12T10:00:00.000Z",
  });
}

describe("the review app's access token", () => {
  it("refuses every page and every action without the token, or with a wrong one", async () => {
    const app = appOn(fresh());
    for (const path of ["/", "/patterns", "/tickets", "/attempts", "/gates", "/sessions/s1", "/attempts/SH-1"]) {
      expect((await app.request(path)).status, path).toBe(401);
      expect((await app.request(`${path}?token=wrong`)).status, path).toBe(401);
      expect((await signedIn(app, "wrong").get(path)).status, path).toBe(401);
    }
    // An action with the cookie but without the token in the form (what another site's page could send) is refused.
    const forged = await signedIn(app, TOKEN).post("/gates/answer", { thread: "weekly-2026-W07", answer: "accept" });
    expect(forged.status).toBe(401);
  });

  it("trades the URL's token for a same-site cookie and drops it from the address", async () => {
    const app = appOn(fresh());
    const first = await app.request("/patterns?week=2026-W07&token=" + TOKEN);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/patterns?week=2026-W07");
    expect(first.headers.get("set-cookie")).toMatch(/selfheal_token=.*HttpOnly.*SameSite=Strict/i);
    const page = await signedIn(app, TOKEN).get("/patterns?week=2026-W07");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("the review app's pages", () => {
  it("escape every string that came from data: no script, tag or javascript: link reaches a page", async () => {
    const warehouse = fresh();
    await hostileWeek(warehouse);
    const client = signedIn(appOn(warehouse), TOKEN);
    const patterns = await (await client.get(`/patterns?week=${WEEK}`)).text();
    const patternLink = /href="(\/patterns\/[^"]+)"/.exec(patterns)?.[1]?.replaceAll("&amp;", "&");
    expect(patternLink).toBeDefined();
    const paths = [`/?week=${WEEK}`, `/patterns?week=${WEEK}`, patternLink ?? "", "/sessions/s1", "/tickets", "/attempts", "/attempts/SH-1"];
    for (const path of paths) {
      const response = await client.get(path);
      const html = await response.text();
      expect(response.status, path).toBe(200);
      expect(html, path).not.toContain("<script");
      expect(html, path).not.toContain("<img");
      expect(html, path).not.toContain('href="javascript:');
    }
    // The hostile strings are there, as text.
    expect(await (await client.get("/sessions/s1")).text()).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(await (await client.get("/tickets")).text()).toContain("Ticket &lt;script&gt;");
    expect(await (await client.get(patternLink ?? "")).text()).toContain("Cart &lt;script&gt;");
  });

  it("draw the week's trend and score distribution as SVG, acquisition apart", async () => {
    const warehouse = fresh();
    await hostileWeek(warehouse);
    const html = await (await signedIn(appOn(warehouse), TOKEN).get(`/?week=${WEEK}`)).text();
    expect(html).toContain(`aria-label="Implied NPS per week"`);
    expect(html).toContain(`aria-label="Sessions per implied score, 0 to 10"`);
    expect(html).toContain("Acquisition");
    expect(html).toContain("Departments");
  });

  it("answer an unknown week or page with a clear error, not a crash", async () => {
    const client = signedIn(appOn(fresh()), TOKEN);
    const bad = await client.get("/?week=last-week");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("ISO week");
    expect((await client.get("/sessions/nope")).status).toBe(404);
  });
});
