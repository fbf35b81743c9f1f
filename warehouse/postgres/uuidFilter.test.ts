import { describe, expect, it } from "vitest";
import { UuidFilter } from "./uuidFilter.js";

describe("UuidFilter", () => {
  it("says maybe for every uuid added, across its growths, and no for nearly all others", () => {
    const filter = new UuidFilter();
    const added = Array.from({ length: 200_000 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
    for (const uuid of added) filter.add(uuid);
    filter.add(added[0] ?? ""); // twice is once
    expect(added.filter((uuid) => !filter.mightHave(uuid))).toEqual([]);
    const others = Array.from({ length: 10_000 }, (_, i) => `ffffffff-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
    expect(others.filter((uuid) => filter.mightHave(uuid)).length).toBeLessThan(10);
  });
});
