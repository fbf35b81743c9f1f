import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionSettings, parseCredentials } from "../src/sources/bigquery.js";
import { parseConnectionString } from "../src/sources/postgres.js";
import { SourceError } from "../src/sources/errors.js";

const serviceAccount = { type: "service_account", project_id: "Acme-Prod", private_key: "-----BEGIN PRIVATE KEY-----\n...", client_email: "plotline@acme-prod.iam.gserviceaccount.com" };

test("a service-account key becomes a connection to its project", () => {
  const settings = connectionSettings(parseCredentials(JSON.stringify(serviceAccount)), { dataset: " analytics ", location: "EU" });
  assert.equal(settings.projectId, "acme-prod");
  assert.equal(settings.dataset, "analytics");
  assert.deepEqual(settings.auth, { clientEmail: serviceAccount.client_email });
});

test("a file that is not JSON is refused with a message for the form", () => {
  assert.throws(() => parseCredentials("not json"), SourceError);
  assert.throws(() => parseCredentials(JSON.stringify({ type: "authorized_user" })), /Unsupported credentials type/);
});

test("postgres connection strings keep TLS on unless sslmode=disable", () => {
  assert.equal(parseConnectionString("postgres://ann@db.acme.io:6543/metrics").ssl, true);
  assert.equal(parseConnectionString("postgresql://ann@localhost/metrics?sslmode=disable").ssl, false);
  assert.equal(parseConnectionString("postgres://ann@db.acme.io/metrics").port, 5432);
});
