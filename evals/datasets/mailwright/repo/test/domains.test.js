import { test } from "node:test";
import assert from "node:assert/strict";
import { dkimMatches, spfIncludes, verifyDomain } from "../server/domains/verify.js";

test("an SPF record that includes Mailwright passes", () => {
  assert.equal(spfIncludes([["v=spf1 include:_spf.google.com include:spf.mailwright.dev ~all"]]), true);
  assert.equal(spfIncludes([["v=spf1 include:_spf.google.com ~all"]]), false);
});

test("DKIM targets match with or without the trailing dot", () => {
  assert.equal(dkimMatches(["mw1.dkim.mailwright.dev."], "mw1.dkim.mailwright.dev"), true);
});

test("a domain with both records verifies", async () => {
  const dns = { resolveTxt: async () => [["v=spf1 include:spf.mailwright.dev -all"]], resolveCname: async () => ["mw1.dkim.mailwright.dev"] };
  assert.deepEqual(await verifyDomain(dns, "acme.io", "mw1"), { verified: true });
});
