import { acceptGates, leaveGates, type GateAnswerer } from "../graphs/host/gates.js";
import type { Output } from "./output.js";

/** `--yes`: accept every gate, saying so; otherwise leave gates pending for a human. */
export function acceptIf(yes: boolean, out: Output, who = "--yes"): GateAnswerer {
  return yes ? acceptGates((gate) => out.progress(`gate ${gate.action_request.action}: accepted by ${who}`)) : leaveGates;
}
