// Contact import: the browser posts the chosen file's text.
import { bodyObject, HttpError, json, stringField, type AppResponse } from "../http.js";
import { importContacts } from "../import/csv.js";
import type { RequestContext } from "../router.js";

export function uploadContacts(ctx: RequestContext): AppResponse {
  const body = bodyObject(ctx.req.body);
  const content = stringField(body, "content");
  if (content === undefined) throw new HttpError(400, "Missing file content");
  const { store, analytics } = ctx.deps;
  const uploadId = store.nextId("up");
  const result = importContacts(uploadId, content);
  store.addContacts(result.contacts);
  analytics.capture(ctx.req.userId, "import_completed", { upload_id: uploadId, rows: result.contacts.length });
  return json(200, { uploadId, imported: result.contacts.length, skippedLines: result.skippedLines });
}
