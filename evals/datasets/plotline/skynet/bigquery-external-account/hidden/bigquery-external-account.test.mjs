import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionSettings, parseCredentials } from "../src/sources/bigquery.js";

const federation = {
  type: "external_account",
  audience: "//iam.googleapis.com/projects/8123/locations/global/workloadIdentityPools/plotline/providers/aws",
  subject_token_type: "urn:ietf:params:aws:token-type:aws4_request",
  token_url: "https://sts.googleapis.com/v1/token",
  credential_source: { environment_id: "aws1" },
};

test("workload identity credentials connect to the project typed in the form", () => {
  const settings = connectionSettings(parseCredentials(JSON.stringify(federation)), { projectId: "Acme-Analytics", dataset: "events" });
  assert.equal(settings.projectId, "acme-analytics");
  assert.equal(settings.auth.audience, federation.audience);
});

test("a service-account key still connects to its own project", () => {
  const key = { type: "service_account", project_id: "Acme-Prod", private_key: "-----BEGIN PRIVATE KEY-----", client_email: "plotline@acme-prod.iam.gserviceaccount.com" };
  assert.equal(connectionSettings(key, { projectId: "", dataset: "events" }).projectId, "acme-prod");
});
