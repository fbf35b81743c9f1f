import { describe, it, expect } from "vitest";
import { ProductProfile } from "../../state/profile.js";
import { departmentOf } from "./department.js";
import { normalizeRoute } from "../../connectors/routes.js";

const profile = ProductProfile.parse({
  product: { name: "Bookly", description: "a bookstore" },
  departments: { growth: ["/"], support: ["/Help/"], payments: ["/checkout", "/checkout/step-2/pay"], catalog: ["/books"] },
  successEvents: [],
  fallbackDepartment: "product",
});

describe("departmentOf", () => {
  it.each([
    ["/", "growth"],
    ["/help", "support"],
    ["/help/articles/:id", "support"],
    ["/checkout", "payments"],
    ["/books/:id", "catalog"],
    ["/bookshelf", "product"], // a prefix matches whole segments only
    ["/account", "product"],
  ])("%s belongs to %s", (route, department) => {
    expect(departmentOf(route, profile)).toBe(department);
  });

  it("matches profile prefixes written with capitals or ids as the sessions record them", () => {
    expect(departmentOf(normalizeRoute("/checkout/step-2/pay"), profile)).toBe("payments");
    expect(departmentOf(normalizeRoute("/HELP/contact"), profile)).toBe("support");
  });
});
