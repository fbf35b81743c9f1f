// Uploading the document to be signed: PDFs up to 25 MB.
export const MAX_BYTES = 25 * 1024 * 1024;

/** Why a file cannot be uploaded, or null. */
export function uploadError(file) {
  if (!file.name.endsWith(".pdf")) return "Only PDF files can be sent for signature";
  if (file.size > MAX_BYTES) return "This PDF is larger than 25 MB";
  if (file.size === 0) return "This file is empty";
  return null;
}

export async function uploadDocument(app, file) {
  const error = uploadError(file);
  if (error) {
    app.track("upload_rejected", { reason: error, extension: file.name.split(".").pop(), size: file.size });
    return { ok: false, error };
  }
  const document = await app.api.upload("/api/documents", file);
  app.track("document_uploaded", { pages: document.pages, size: file.size });
  return { ok: true, document };
}
