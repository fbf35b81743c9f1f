import type { Warehouse } from "../warehouse/types.js";
import type { BugName } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { demoFixes, shipDemoFix, type DemoFix } from "./demoShipping.js";

/** When the demo's fixes ship, and which bugs are gone from each simulated week. */
export interface ShippingPlan {
  /** Ships what is due before week i (0-based) starts; says what it did. */
  shipBefore(i: number): Promise<string[]>;
  /** The bugs absent from week i's sessions. */
  fixedIn(i: number): BugName[];
}

/**
 * The story of `selfheal demo --weeks N`: after the first week, every bug ticket's fix but one ships as
 * the second week starts; the last ships as the last week starts (too early to tell, from 3 weeks); and,
 * from 4 weeks, one early fix does not hold: its bug is back in the last week, so the check calls it not
 * healed and reopens its ticket.
 */
export async function planShipping(warehouse: Warehouse, opts: { weeks: string[]; repo: string; dataDir: string; say: (line: string) => void }): Promise<ShippingPlan> {
  const n = opts.weeks.length;
  const fixes = await demoFixes(warehouse);
  const late = n >= 3 && fixes.length > 1 ? fixes.at(-1)! : null;
  const early = fixes.filter((f) => f !== late);
  const relapse = n >= 4 && early.length > 1 ? early.at(-1)! : null;
  const lastWeek = n - 1;
  opts.say(
    `The demo ships fixes: ${early.map((f) => f.ticket.id).join(", ") || "none"} before ${opts.weeks[1]}` +
      `${late ? `, ${late.ticket.id} before ${opts.weeks[lastWeek]}` : ""}${relapse ? `; ${relapse.ticket.id}'s bug comes back in ${opts.weeks[lastWeek]} (a fix that does not hold)` : ""}.`,
  );
  const ship = async (list: DemoFix[], i: number): Promise<string[]> => {
    const lines: string[] = [];
    for (const fix of list) {
      const said = await shipDemoFix(warehouse, fix, { repo: opts.repo, dataDir: opts.dataDir, at: weekRange(opts.weeks[i]!).start });
      if (said) lines.push(said);
    }
    return lines;
  };
  return {
    shipBefore: async (i) => [...(i === 1 ? await ship(early, i) : []), ...(late && i === lastWeek ? await ship([late], i) : [])],
    fixedIn: (i) => {
      const gone = i >= 1 ? early.map((f) => f.bug) : [];
      if (late && i >= lastWeek) gone.push(late.bug);
      return relapse && i === lastWeek ? gone.filter((b) => b !== relapse.bug) : gone;
    },
  };
}
