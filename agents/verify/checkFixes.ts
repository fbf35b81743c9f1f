import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { Ticket } from "../../state/ticket.js";
import type { FixVerdict } from "../../state/verdict.js";
import { shippedFix, type Shipped, type ShipSources } from "./shipped.js";
import { checkWindows } from "./windows.js";
import { figuresOf, judge } from "./judge.js";
import { readWindow, type WindowReading } from "./windowReading.js";
import { reopenNote } from "./reopenNote.js";

/**
 * Checks every shipped fix against the sessions up to `asOf`, reopens the ticket of each one that did
 * not hold (once), and stores the verdicts. Idempotent: checking the same data again stores the same
 * verdicts and reopens nothing twice.
 */
export async function checkFixes(warehouse: Warehouse, profile: ProductProfile, sources: ShipSources, asOf: Date, now: Date = new Date()): Promise<FixVerdict[]> {
  const tickets = (await warehouse.listTickets()).filter((t) => t.status !== "canceled");
  const readings = new Map<string, Promise<WindowReading>>();
  const read = (w: { from: Date; to: Date }): Promise<WindowReading> => {
    const key = `${w.from.toISOString()}/${w.to.toISOString()}`;
    let reading = readings.get(key);
    if (!reading) readings.set(key, (reading = readWindow(warehouse, profile, w.from, w.to, tickets)));
    return reading;
  };
  const verdicts: FixVerdict[] = [];
  for (const ticket of tickets) {
    // One read of the ticket's checks (oldest first): those on earlier data, and this data's own.
    const checks = await warehouse.listVerdicts({ ticketId: ticket.id });
    const earlier = checks.filter((v) => v.asOf < asOf.toISOString());
    // A fix that was reopened counts again only when it ships anew.
    const floor = earlier.filter((v) => v.reopened).map((v) => v.shippedAt).sort().at(-1) ?? null;
    // A merge does not un-happen: a shipment an earlier check saw stands even when its evidence is gone
    // (a new attempt replaced the fix commit, a ticket was reopened by triage).
    const known = earlier.filter((v) => floor === null || v.shippedAt > floor).map((v): Shipped => ({ at: v.shippedAt, by: v.shippedBy, ref: v.shippedRef }));
    const found = await shippedFix(ticket, await warehouse.fixAttempt(ticket.id), sources, floor);
    const shipped = [...known, ...(found ? [found] : [])].sort((a, b) => a.at.localeCompare(b.at))[0];
    if (!shipped || Date.parse(shipped.at) >= asOf.getTime()) continue;
    const previous = earlier.filter((v) => v.shippedAt === shipped.at).at(-1) ?? null;
    const sameCheck = checks.find((v) => v.asOf === asOf.toISOString()) ?? null;
    const verdict = await checkOne(ticket, shipped, asOf, profile, read, previous?.verdict ?? null, now);
    if (verdict.verdict === "not_healed") {
      if (sameCheck?.reopened) verdict.reopened = true;
      else {
        await sources.tracker.reopen(ticket, reopenNote(verdict));
        verdict.reopened = true;
      }
    }
    verdicts.push(verdict);
  }
  await warehouse.saveVerdicts(verdicts);
  return verdicts;
}

async function checkOne(
  ticket: Ticket,
  shipped: Shipped,
  asOf: Date,
  profile: ProductProfile,
  read: (w: { from: Date; to: Date }) => Promise<WindowReading>,
  previously: FixVerdict["verdict"] | null,
  now: Date,
): Promise<FixVerdict> {
  const settings = profile.verify;
  const windows = checkWindows(new Date(shipped.at), asOf, settings);
  const beforeReading = await read(windows.before);
  const department = flowOf(beforeReading, ticket.fingerprint) ?? profile.fallbackDepartment;
  const before = figuresOf(beforeReading, ticket.fingerprint, department);
  const after = windows.after ? figuresOf(await read(windows.after), ticket.fingerprint, department) : null;
  const judged = judge(before, after, windows.afterComplete, settings, previously);
  return {
    ticketId: ticket.id,
    ticketUrl: ticket.url,
    title: ticket.title,
    fingerprint: ticket.fingerprint,
    department,
    shippedAt: shipped.at,
    shippedBy: shipped.by,
    shippedRef: shipped.ref,
    ...judged,
    before: before.figures,
    after: after?.figures ?? null,
    reopened: false,
    checkedAt: now.toISOString(),
    asOf: asOf.toISOString(),
  };
}

/** The flow where the pattern happened: the department most of its sessions before the fix were in. */
function flowOf(reading: WindowReading, fingerprint: string): string | null {
  const hit = reading.hits.get(fingerprint);
  if (!hit?.size) return null;
  const counts = new Map<string, number>();
  for (const s of reading.sessions) if (hit.has(s.sessionId)) counts.set(s.department, (counts.get(s.department) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
