import { describe, it, expect } from "vitest";
import { withRunContext } from "./runContext.js";
import { configurableFor } from "./configuration.js";
import { resolveSettings } from "../../runtime/settings.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { tempDir } from "../../testing/events.js";
import { join } from "node:path";

const fresh = freshWarehouses();

describe("a node's run context", () => {
  it("uses the warehouse the host opened for the run, and leaves it open for the next node", async () => {
    const warehouse = fresh();
    // --db names a folder: opening it again for the node would fail.
    const configurable = configurableFor(resolveSettings({ db: tempDir(), config: null }), { warehouse });
    expect(await withRunContext({ configurable }, async (ctx) => ctx.warehouse)).toBe(warehouse);
    expect(await withRunContext({ configurable }, (ctx) => ctx.warehouse.countEvents())).toBe(0);
  });

  it("without one (LangGraph Server), opens the configured warehouse for the node call and closes it after", async () => {
    const db = join(tempDir(), "warehouse.db");
    const opened = await withRunContext({ configurable: configurableFor(resolveSettings({ db, config: null })) }, async (ctx) => {
      expect(ctx.warehouse.location).toBe(db);
      expect(await ctx.warehouse.countEvents()).toBe(0);
      return ctx.warehouse;
    });
    await expect(opened.countEvents()).rejects.toThrow(/not open/);
  });
});
