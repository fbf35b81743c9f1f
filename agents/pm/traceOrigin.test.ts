import { describe, it, expect, beforeAll } from "vitest";
import type { LocalRepo } from "../../tools/codebase/localRepo.js";
import { repoOfFiles } from "../../testing/repoOfFiles.js";
import { traceOrigins, type FailureContext } from "./traceOrigin.js";

/** A small invoicing product, not the demo's: each file has one failure whose cause sits elsewhere. */
const FILES: Record<string, string> = {
  "src/billing/limits.ts": [
    "// Plan limits.", // 1
    "export const MAX_LINE_ITEMS = 40;", // 2
    "", // 3
    "export class TooManyItemsError extends Error {}", // 4
    "", // 5
    "export function checkItems(items: string[]): void {", // 6
    "  if (items.length > MAX_LINE_ITEMS) {", // 7
    "    throw new TooManyItemsError(`An invoice holds at most ${MAX_LINE_ITEMS} items`);", // 8
    "  }", // 9
    "}", // 10
  ].join("\n"),
  "src/billing/tax.ts": [
    "const RATES = { FR: 0.2, DE: 0.19 };", // 1
    "", // 2
    "/** The VAT rate of a country, or null when unknown. */", // 3
    "export function vatRate(country: string): number | null {", // 4
    "  const code = country.trim();", // 5
    "  return RATES[code] ?? null;", // 6
    "}", // 7
  ].join("\n"),
  "src/billing/checkout.ts": [
    'import { vatRate } from "./tax.js";', // 1
    "", // 2
    "export function quote(order, track) {", // 3
    "  const rate = vatRate(order.country);", // 4
    "  if (rate === null) {", // 5
    '    track("quote_failed", { reason: "unknown_country" });', // 6
    "    return null;", // 7
    "  }", // 8
    "  return order.total * (1 + rate);", // 9
    "}", // 10
  ].join("\n"),
  "src/client/exports.js": [
    "export async function exportLedger(api, track, month) {", // 1
    "  const response = await api.post(`/v2/ledger/export?month=${month}`);", // 2
    '  if (!response.ok) track("export_failed", { status: response.status });', // 3
    "  return response.ok;", // 4
    "}", // 5
  ].join("\n"),
  "server/routes/ledger.js": [
    "// POST /v2/ledger/export", // 1
    'import { ledgerRows } from "../ledger/rows.js";', // 2
    "", // 3
    "export async function exportRoute(req, { db, log }) {", // 4
    "  const rows = await ledgerRows(db, req.query.month);", // 5
    "  if (rows.length === 0) {", // 6
    '    log.warn({ endpoint: "/v2/ledger/export" }, "empty ledger");', // 7
    "    return { status: 404 };", // 8
    "  }", // 9
    "  return { status: 200, body: rows };", // 10
    "}", // 11
  ].join("\n"),
  "server/ledger/rows.js": [
    "export async function ledgerRows(db, month) {", // 1
    "  const all = await db.entries();", // 2
    "  // the month arrives as 2026-1, the entries carry 2026-01", // 3
    "  return all.filter((e) => e.month === month);", // 4
    "}", // 5
  ].join("\n"),
  "src/import/sheet.ts": [
    "/** Trims a cell. */", // 1
    "export function cleanCell(cell: string): string {", // 2
    "  return cell.trim();", // 3
    "}", // 4
    "", // 5
    "function need(columns: string[], name: string): number {", // 6
    "  const at = columns.indexOf(name);", // 7
    "  if (at < 0) throw new Error(`Missing column ${name}`);", // 8
    "  return at;", // 9
    "}", // 10
    "", // 11
    "export function readSheet(rows: string[][]): number {", // 12
    "  const columns = rows[0].map(cleanCell);", // 13
    '  return need(columns, "amount");', // 14
    "}", // 15
  ].join("\n"),
  "src/auth/oauth.ts": [
    'export const ERROR_PREFIX = "denied";', // 1
    "export const GRANTED_PERMISSIONS = [", // 2
    '  "ledger.entries.read",', // 3
    "];", // 4
    "", // 5
    "export async function call(fetch, path) {", // 6
    "  const res = await fetch(path);", // 7
    "  if (!res.ok) throw new Error(`denied: missing permission ${res.statusText}`);", // 8
    "  return res;", // 9
    "}", // 10
  ].join("\n"),
  "app/rates.py": [
    'RATES = {"FR": 0.2, "DE": 0.19}', // 1
    "", // 2
    "def vat_rate(country):", // 3
    "    code = country.strip()", // 4
    "    return RATES.get(code)", // 5
  ].join("\n"),
  "app/checkout.py": [
    "from .rates import vat_rate", // 1
    "", // 2
    "def quote(order, track):", // 3
    "    rate = vat_rate(order.country)", // 4
    "    if rate is None:", // 5
    '        track("quote_failed", {"reason": "unknown_country"})', // 6
    "        return None", // 7
    "    return order.total * (1 + rate)", // 8
  ].join("\n"),
};

const none: FailureContext = { frameFunctions: new Set(), messageWords: new Set() };

describe("following a failing line back to where its value is made", () => {
  let repo: LocalRepo;
  beforeAll(async () => {
    repo = await repoOfFiles(FILES);
  });

  it("reaches the file's constant the throw and its guard read", async () => {
    expect(await traceOrigins(repo, { path: "src/billing/limits.ts", line: 8 }, { ...none, frameFunctions: new Set(["checkItems"]) })).toEqual([{ path: "src/billing/limits.ts", line: 2 }]);
  });

  it("follows a failure event's guard to the imported function that computed its value, to that function's return", async () => {
    expect(await traceOrigins(repo, { path: "src/billing/checkout.ts", line: 6 }, none)).toEqual([{ path: "src/billing/tax.ts", line: 6 }]);
  });

  it("reads Python the same way: a relative import, a def, its body by indentation", async () => {
    expect(await traceOrigins(repo, { path: "app/checkout.py", line: 6 }, none)).toEqual([{ path: "app/rates.py", line: 5 }]);
  });

  it("crosses from a client's request to the handler that names the same API path, and follows the handler's guard", async () => {
    expect(await traceOrigins(repo, { path: "src/client/exports.js", line: 3 }, none)).toEqual([
      { path: "server/routes/ledger.js", line: 7 },
      { path: "server/ledger/rows.js", line: 4 },
    ]);
  });

  it("follows a call site's arguments through a local assignment to a helper passed by name", async () => {
    const context = { ...none, frameFunctions: new Set(["need", "readSheet"]) };
    expect(await traceOrigins(repo, { path: "src/import/sheet.ts", line: 14 }, context)).toEqual([{ path: "src/import/sheet.ts", line: 3 }]);
  });

  it("names the file's constant the message speaks of, though no value of the failing line leads there, but not one every error speaks of", async () => {
    const context = { ...none, messageWords: new Set(["error", "denied", "missing", "permission", "ledger", "entries", "write"]) };
    expect(await traceOrigins(repo, { path: "src/auth/oauth.ts", line: 8 }, context)).toEqual([{ path: "src/auth/oauth.ts", line: 2 }]);
    expect(await traceOrigins(repo, { path: "src/auth/oauth.ts", line: 8 }, none)).toEqual([]);
  });

  it("gives nothing for a line past the file's end or a file that is not there", async () => {
    expect(await traceOrigins(repo, { path: "src/billing/tax.ts", line: 99 }, none)).toEqual([]);
    expect(await traceOrigins(repo, { path: "src/nowhere.ts", line: 1 }, none)).toEqual([]);
  });
});
