import type { GateAnswerer } from "./runGraph.js";
import type { Output } from "./output.js";

/** `--yes`: accept every gate, saying so; otherwise leave gates pending for a human. */
export function acceptIf(yes: boolean, out: Output, who = "--yes"): GateAnswerer {
  return (gate) => {
    if (!yes) return null;
    out.progress(`gate ${gate.action_request.action}: accepted by ${who}`);
    return { type: "accept" };
  };
}
