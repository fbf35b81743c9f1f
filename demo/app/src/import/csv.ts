// CSV import of contacts: a small RFC 4180 parser and the column mapping.
import type { Contact } from "../model.js";

export class CsvImportError extends Error {
  override name = "CsvImportError";
  constructor(
    readonly uploadId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportResult {
  uploadId: string;
  contacts: Contact[];
  /** 1-based line numbers of rows skipped for having no usable email. */
  skippedLines: number[];
}

/** Splits CSV text into rows of fields; handles quoted fields, "" escapes and CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "First Name" -> "first_name", so headers from different exporters line up. */
export function normalizeHeader(cell: string): string {
  return cell.toLowerCase().replace(/ +/g, "_");
}

/** Shows invisible characters in error messages, e.g. a zero-width space as \u200b. */
function quote(value: string): string {
  const visible = value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${visible}"`;
}

function requireColumn(uploadId: string, columns: string[], name: string): number {
  const index = columns.indexOf(name);
  if (index === -1) {
    const found = columns.map(quote).join(", ");
    throw new CsvImportError(uploadId, `Missing required column "${name}" in upload ${uploadId} (found: ${found})`);
  }
  return index;
}

export function importContacts(uploadId: string, text: string): ImportResult {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new CsvImportError(uploadId, `Upload ${uploadId} is empty`);
  const columns = header.map(normalizeHeader);
  const emailAt = requireColumn(uploadId, columns, "email");
  const nameAt = columns.indexOf("name");
  const companyAt = columns.indexOf("company");
  const contacts: Contact[] = [];
  const skippedLines: number[] = [];
  for (const [i, row] of rows.slice(1).entries()) {
    const email = (row[emailAt] ?? "").trim().toLowerCase();
    if (!email.includes("@")) {
      if (row.some((cell) => cell !== "")) skippedLines.push(i + 2);
      continue;
    }
    contacts.push({ email, name: row[nameAt] ?? "", company: row[companyAt] ?? "" });
  }
  return { uploadId, contacts, skippedLines };
}
