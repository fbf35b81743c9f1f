// BigQuery source: reads the credentials file a user uploads and builds the saved connection.
import { SourceError } from "./errors.js";

const SCOPES = ["https://www.googleapis.com/auth/bigquery.readonly"];

/** A Google credentials file: a service-account key, or a workload identity federation config. */
export function parseCredentials(text) {
  let credentials;
  try {
    credentials = JSON.parse(text);
  } catch {
    throw new SourceError("This is not a JSON credentials file. Download it again from Google Cloud.");
  }
  if (credentials.type !== "service_account" && credentials.type !== "external_account") {
    throw new SourceError(`Unsupported credentials type "${credentials.type}".`);
  }
  if (credentials.type === "service_account" && !credentials.private_key) {
    throw new SourceError("The key file has no private key.");
  }
  return credentials;
}

/** The connection saved for the source; `form` is what the user typed (project, dataset, location). */
export function connectionSettings(credentials, form) {
  return {
    kind: "bigquery",
    projectId: credentials.project_id.toLowerCase(),
    dataset: form.dataset.trim(),
    location: form.location || "US",
    scopes: SCOPES,
    auth:
      credentials.type === "external_account"
        ? { audience: credentials.audience, tokenUrl: credentials.token_url }
        : { clientEmail: credentials.client_email },
  };
}

export async function connectBigQuery(api, text, form) {
  const credentials = parseCredentials(text);
  const settings = connectionSettings(credentials, form);
  return api.post("/api/sources", { settings, credentials });
}
