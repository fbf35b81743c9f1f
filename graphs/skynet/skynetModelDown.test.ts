import { describe, it, expect } from "vitest";
import { withWarehouse } from "../../testing/demoWeek.js";
import { fileBug, runSkynet, skynetWorld } from "../../testing/skynetWorld.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";

describe("Skynet when the model server does not answer", () => {
  it("records needs_model with the model's error, and the next run works the ticket again", async () => {
    const world = await skynetWorld({ github: false });
    const ticket = await fileBug(world, { title: "schema bug", body: "steps[2].config expected object, got null", path: "src/api/workflows.ts", line: 40 });

    const down = new ScriptedChatModel([new Error("Connection error.")]);
    await runSkynet(world, down, "model-down");
    const first = await withWarehouse(world.demo, (w) => w.fixAttempt(ticket.id));
    expect(first?.status).toBe("needs_model");
    expect(first?.reason).toMatch(/the model call failed: Connection error\..*tries again/);

    // The server is back: the ticket is picked again instead of "nothing new to work on".
    const back = new ScriptedChatModel(["done"]);
    await runSkynet(world, back, "model-back");
    expect(back.calls.length).toBe(1);
    const second = await withWarehouse(world.demo, (w) => w.fixAttempt(ticket.id));
    expect(second?.status).toBe("failed_verification");
  }, 180_000);
});
