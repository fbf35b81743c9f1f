import { randomInt } from "node:crypto";

/** Letters only, and none read as a digit (I, L, O): a key is said aloud and typed from a branch name. */
const KEY_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
const KEY_LENGTH = 4;

/**
 * A warehouse's own ticket key, drawn once when the warehouse is created. Two warehouses against one
 * product repository (or in one data folder) then never both make `SH-1`, its branch `selfheal/sh-1`
 * or its worktree: 23^4 keys make a clash between two warehouses about one in 280,000.
 */
export function newTicketKey(): string {
  return Array.from({ length: KEY_LENGTH }, () => KEY_LETTERS[randomInt(KEY_LETTERS.length)]).join("");
}

/** The local tracker's id of a warehouse's n-th ticket: `SH-KQMV-3`. */
export function localTicketId(key: string, seq: number): string {
  return `SH-${key}-${seq}`;
}

/** The local tracker's link to a ticket. */
export function localTicketUrl(id: string): string {
  return `selfheal://tickets/${id}`;
}
