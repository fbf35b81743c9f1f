// The demo app's own suite passes, and each planted bug is real: these "bug:" tests
// assert today's broken behaviour, so they flip when a fix lands.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatRunTime } from "./app/src/format/dates.js";
import { searchArticles } from "./app/src/help/articles.js";
import { CsvImportError, importContacts } from "./app/src/import/csv.js";
import { exchangeCode, HUBSPOT_SCOPES, HubSpotApiError } from "./app/src/integrations/hubspot.js";
import { SchemaValidationError } from "./app/src/api/schema.js";
import { handleRequest } from "./app/src/server.js";
import { scaledClock } from "./app/src/tools/clock.js";
import { runTool, TOOL_TIMEOUT_MS, ToolTimeoutError } from "./app/src/tools/runner.js";
import { SCHEDULE_QUERIES } from "./simulator/index.js";
import { testApp } from "./app/test/helpers.js";

const APP_DIR = fileURLToPath(new URL("./app/", import.meta.url));

/** The app wired for tests, as its own suite wires it. */
const demoApp = testApp;

describe("demo app", () => {
  it("its own test suite passes", async () => {
    const files = readdirSync(`${APP_DIR}test`).filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f}`);
    const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "--test", ...files], { cwd: APP_DIR }).then(
      (out) => ({ code: 0, stdout: out.stdout }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "" }),
    );
    expect(run.stdout).toContain("# fail 0");
    expect(run.code).toBe(0);
  });

  it("bug: connecting HubSpot with companies sync fails with 403 (scope crm.objects.companies.read is not requested)", async () => {
    const { sandbox, deps, router, request } = demoApp();
    expect(HUBSPOT_SCOPES).not.toContain("crm.objects.companies.read");
    const client = await exchangeCode(deps.hubspot, sandbox.authorize(HUBSPOT_SCOPES));
    await expect(client.listContacts()).resolves.toHaveLength(2);
    const failure = client.listCompanies();
    await expect(failure).rejects.toBeInstanceOf(HubSpotApiError);
    await expect(failure).rejects.toThrow(
      "HubSpot request GET /crm/v3/objects/companies failed with 403: missing scope crm.objects.companies.read (portal 48213)",
    );
    const code = sandbox.authorize(HUBSPOT_SCOPES);
    const reply = await handleRequest(router, deps, request("POST", "/api/integrations/hubspot/connect", { code, syncCompanies: "on" }));
    expect(reply.status).toBe(500);
    expect(deps.analytics.captured.map((e) => e.event)).toEqual(["$exception"]);
  });

  it("bug: enrich_company times out because the runner's limit is a fixed 5000 ms", async () => {
    expect(TOOL_TIMEOUT_MS).toBe(5000);
    const run = runTool("enrich_company", { domain: "initech.example" }, scaledClock(1000));
    await expect(run).rejects.toBeInstanceOf(ToolTimeoutError);
    await expect(run).rejects.toThrow(/^Tool enrich_company timed out after 5000ms \(run tr_[0-9a-f]{12}\)$/);
  });

  it("bug: GET /api/workflows/:id fails its own schema when a step has no config", async () => {
    const { router, request } = demoApp();
    const seeded = router.dispatch(request("GET", "/api/workflows/wf_1002"));
    await expect(seeded).rejects.toBeInstanceOf(SchemaValidationError);
    await expect(seeded).rejects.toThrow("GET /api/workflows/wf_1002 response failed schema: steps[2].config expected object, got null");
    // Any workflow gets there once a step is added from the editor without configuring it.
    await router.dispatch(request("POST", "/api/workflows/wf_1001/steps", { type: "delay" }));
    await expect(router.dispatch(request("GET", "/api/workflows/wf_1001"))).rejects.toThrow("steps[2].config expected object, got null");
  });

  it("bug: CSV import rejects a file whose header starts with a UTF-8 byte-order mark", () => {
    const excelExport = "\ufeffemail,name\r\nada@example.com,Ada\r\n";
    expect(() => importContacts("up_5521", excelExport)).toThrow(CsvImportError);
    expect(() => importContacts("up_5521", excelExport)).toThrow(
      'Missing required column "email" in upload up_5521 (found: "\\ufeffemail", "name")',
    );
    expect(importContacts("up_5522", excelExport.slice(1)).contacts).toHaveLength(1);
  });

  it("bug (rare): the runs page throws RangeError for a workflow migrated without a timezone", async () => {
    expect(() => formatRunTime("2025-03-03T07:00:00.000Z", "")).toThrow(new RangeError("Invalid time value"));
    const { router, request } = demoApp();
    await expect(router.dispatch(request("GET", "/app/workflows/wf_1003/runs"))).rejects.toThrow(RangeError);
    await expect(router.dispatch(request("GET", "/app/workflows/wf_1001/runs"))).resolves.toMatchObject({ status: 200 });
  });

  it("improvement: help search has nothing on scheduling or recurring workflows", () => {
    for (const query of SCHEDULE_QUERIES) expect(searchArticles(query), query).toEqual([]);
    expect(searchArticles("publish workflow")).not.toEqual([]);
  });

  it("improvement: the editor's Publish is an inert label; publishing lives only on the settings page", async () => {
    const { router, request } = demoApp();
    const editor = await router.dispatch(request("GET", "/app/workflows/wf_1002/edit"));
    expect(editor.body).toContain('<span class="toolbar-item is-disabled">Publish</span>');
    expect(editor.body).not.toContain("/publish");
    const settings = await router.dispatch(request("GET", "/app/workflows/wf_1002/settings"));
    expect(settings.body).toContain('action="/app/workflows/wf_1002/publish"');
  });
});
