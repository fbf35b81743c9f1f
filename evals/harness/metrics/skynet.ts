import type { MetricDef } from "./types.js";

export const SKYNET_METRICS: MetricDef[] = [
  { key: "skynet.fixRate", agent: "skynet", higherIsBetter: true, label: "bugs whose proposed fix passes the hidden tests" },
  { key: "skynet.scriptedRight", agent: "skynet", higherIsBetter: true, label: "scripted right patches scored 1 (offline)" },
  { key: "skynet.scriptedWrong", agent: "skynet", higherIsBetter: false, label: "scripted wrong patches scored 1 (offline)" },
];
