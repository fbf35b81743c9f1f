// Postgres source: a connection string or separate fields, always over TLS unless the user opts out.
import { SourceError } from "./errors.js";

export function parseConnectionString(text) {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SourceError("Enter a connection string such as postgres://user@host:5432/db.");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new SourceError("The connection string must start with postgres://");
  }
  return {
    kind: "postgres",
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)),
    user: decodeURIComponent(url.username),
    ssl: url.searchParams.get("sslmode") !== "disable",
  };
}

export async function connectPostgres(api, text, password) {
  const settings = parseConnectionString(text);
  if (!settings.database) throw new SourceError("The connection string names no database.");
  return api.post("/api/sources", { settings, credentials: { password } });
}
