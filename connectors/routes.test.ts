import { describe, expect, it } from "vitest";
import { normalizeRoute, searchQueryOf } from "./routes.js";

describe("normalizeRoute", () => {
  it.each([
    // identifiers become :id
    ["/app/workflows/wf_4821/edit", "/app/workflows/:id/edit"],
    ["/app/workflows/wf_77/edit", "/app/workflows/:id/edit"],
    ["/orders/12345", "/orders/:id"],
    ["/app/users/3fa85f64-5717-4562-b3fc-2c963f66afa6/settings", "/app/users/:id/settings"],
    ["/app/users/3FA85F64-5717-4562-B3FC-2C963F66AFA6", "/app/users/:id"],
    ["/commits/9f86d081884c7d65", "/commits/:id"],
    ["/commits/deadbeef", "/commits/:id"],
    ["/customers/cus_J2kd8s", "/customers/:id"],
    ["/u/usr-9f3k2/profile", "/u/:id/profile"],
    ["/invite/aB3dE5fG7hJ9kL1mN2", "/invite/:id"],
    ["/orders/12345/items/678", "/orders/:id/items/:id"],
    // full URLs, query strings and fragments
    ["https://app.acme.com/app/workflows/wf_4821/edit?tab=steps&step=3#top", "/app/workflows/:id/edit"],
    ["http://localhost:3000/orders/42?ref=email", "/orders/:id"],
    ["/pricing?plan=pro", "/pricing"],
    ["/docs#install", "/docs"],
    ["/docs/?utm_source=x#a", "/docs"],
    // words stay, lower-cased; slashes tidied
    ["/app/workflows/new", "/app/workflows/new"],
    ["/integrations/hubspot", "/integrations/hubspot"],
    ["/sign-in", "/sign-in"],
    ["/api/v2/status", "/api/v2/status"],
    ["/blog/how-to-build-workflows", "/blog/how-to-build-workflows"],
    ["/App/Settings", "/app/settings"],
    ["/app/settings/", "/app/settings"],
    ["/app//workflows", "/app/workflows"],
    ["app/workflows", "/app/workflows"],
    ["/", "/"],
    ["", "/"],
    ["https://app.acme.com", "/"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeRoute(input)).toBe(expected);
  });

  it("gives every id of one route the same normalized form", () => {
    const urls = ["/app/workflows/wf_4821/edit", "https://acme.com/app/workflows/wf_77/edit?x=1", "/app/workflows/42/edit#steps"];
    expect(new Set(urls.map(normalizeRoute))).toEqual(new Set(["/app/workflows/:id/edit"]));
  });

  // The product's first nine workflows (wf_1 … wf_9) are the same page as wf_10 onwards: one route.
  it("treats a one-digit prefixed id (wf_9) like wf_10 and wf_4821", () => {
    const routes = ["/app/workflows/wf_9/edit", "/app/workflows/wf_10/edit", "/app/workflows/wf_4821/edit"].map(normalizeRoute);
    expect(routes).toEqual(["/app/workflows/:id/edit", "/app/workflows/:id/edit", "/app/workflows/:id/edit"]);
  });
});

describe("searchQueryOf", () => {
  it.each([
    ["https://app.acme.com/search?q=webhooks", "webhooks"],
    ["https://app.acme.com/search?q=hello+world", "hello world"],
    ["/help?query=%20billing%20", "billing"],
    ["/docs?search=api%20keys", "api keys"],
    ["/search?page=2&q=csv+export#results", "csv export"],
    ["/search?query=second&q=first", "first"],
  ])("%s → %s", (url, expected) => {
    expect(searchQueryOf(url)).toBe(expected);
  });

  it("reads `term` or `s` only where the profile says they are searches: /pricing?term=annual is a billing period", () => {
    expect(searchQueryOf("/pricing?term=annual")).toBeNull();
    expect(searchQueryOf("/blog?s=pricing")).toBeNull();
    expect(searchQueryOf("/kb?term=sso", ["term"])).toBe("sso");
  });

  it.each([["/search?page=2"], ["/search?q="], ["/search?q=%20%20"], ["/search"], [""], ["/search#q=hidden"]])(
    "%s has no search",
    (url) => {
      expect(searchQueryOf(url)).toBeNull();
    },
  );
});
