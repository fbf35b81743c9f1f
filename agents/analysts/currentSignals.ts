import type { Warehouse } from "../../warehouse/types.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { SIGNALS_VERSION, type SessionSignals } from "../../state/session.js";

/**
 * Sessions' signals as the current rules need them. A session stored under an older SIGNALS_VERSION is
 * recomputed from its events, which the warehouse keeps, so what new rules read (a product event's
 * properties, a page's query parameters) reaches sessions ingested before them without a re-import.
 * Recomputed at read, not written back: the warehouse interface stays as it is, and the cost falls only
 * on old rows, once per analyst version (a report, once written, is not recomputed).
 */
export async function currentSignals(warehouse: Warehouse, ids: string[]): Promise<SessionSignals[]> {
  const stored = await warehouse.sessionSignals(ids);
  const out: SessionSignals[] = [];
  for (const signals of stored) {
    if (signals.signalsVersion === SIGNALS_VERSION) out.push(signals);
    else out.push(computeSignals(signals.sessionId, await warehouse.sessionEvents(signals.sessionId)));
  }
  return out;
}
