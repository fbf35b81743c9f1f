import { describe, expect, it } from "vitest";
import { InTurn } from "./inTurn.js";

describe("InTurn", () => {
  it("starts each call once the one before it has settled, in call order, a failure failing only its own caller", async () => {
    const turns = new InTurn();
    const log: string[] = [];
    const slow = turns.run(async () => {
      log.push("slow starts");
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push("slow ends");
      throw new Error("slow failed");
    });
    const quick = turns.run(() => {
      log.push("quick runs");
      return 2;
    });
    await expect(slow).rejects.toThrow("slow failed");
    expect(await quick).toBe(2);
    expect(log).toEqual(["slow starts", "slow ends", "quick runs"]);
  });
});
