// Form handlers of the "Add a source" pages.
import { connectBigQuery } from "../sources/bigquery.js";
import { connectPostgres } from "../sources/postgres.js";
import { SourceError } from "../sources/errors.js";

export async function submitBigQueryForm(app, form) {
  const text = await form.keyFile.text();
  try {
    const source = await connectBigQuery(app.api, text, { dataset: form.dataset, location: form.location, projectId: form.projectId });
    app.track("source_connected", { kind: "bigquery" });
    app.navigate(`/sources/${source.id}`);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    app.showFormError(err.message);
  }
}

export async function submitPostgresForm(app, form) {
  try {
    const source = await connectPostgres(app.api, form.connectionString, form.password);
    app.track("source_connected", { kind: "postgres" });
    app.navigate(`/sources/${source.id}`);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    app.showFormError(err.message);
  }
}
