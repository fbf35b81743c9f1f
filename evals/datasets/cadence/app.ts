// Cadence app sessions (posthog-react-native; Expo Router paths as screen names) that go well.
import type { Rng } from "../../../demo/simulator/prng.js";
import type { Element } from "../_kit/elements.js";
import type { Scenario, Scene } from "../_kit/scene.js";
import { score } from "../_kit/week.js";

export const idOf = (rng: Rng): string => `${rng.hex(6)}${rng.int(1, 9)}`;

/** A touch on a Pressable, as RN autocapture names it (component, testID, text), inside the screen. */
export function tap(label: string, testID: string): Element[] {
  return [{ tag: "Pressable", text: label, attributes: { testID } }, { tag: "View" }, { tag: "RNSScreen" }];
}

export function open(scene: Scene, fromBackground = false): void {
  scene.s.capture("Application Opened", { version: "2.8.1", build: "412", from_background: fromBackground });
  scene.s.screen("/today");
  scene.s.wait(3, 15);
}

/** A run from the live screen to its saved summary; splits arrive every kilometre. */
export function run(scene: Scene, km: number, kind: "easy" | "tempo" | "long"): string {
  const { s, rng } = scene;
  const workout = idOf(rng);
  s.click(tap("Today's run", "today-workout"));
  s.screen(`/workouts/${workout}`).wait(5, 30);
  s.click(tap("Start run", "start-run"));
  s.screen("/run/live");
  s.capture("run_started", { type: kind, gps: true, watch: rng.chance(0.3) });
  for (let i = 1; i <= km; i++) s.wait(290, 430).capture("split_recorded", { km: i, pace_s: rng.int(290, 430) });
  s.wait(60, 300).click(tap("Finish", "finish-run"));
  const id = idOf(rng);
  s.screen(`/run/summary/${id}`);
  s.capture("run_saved", { distance_km: km + rng.int(0, 9) / 10, duration_s: km * 360, source: "gps" }).wait(10, 60);
  return id;
}

export const dailyRun: Scenario = (scene) => {
  const { rng } = scene;
  open(scene);
  scene.midNoise();
  run(scene, rng.int(4, 11), rng.pick(["easy", "tempo", "long"] as const));
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "running", cause: null, tags: ["happy-path"] });
};

/** Two minutes: opens the app, marks today's strength workout done, closes it. */
export const quickLog: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Strength · 20 min", "today-workout"));
  s.screen(`/workouts/${idOf(rng)}`).wait(20, 50);
  s.click(tap("Mark as done", "mark-done"));
  s.capture("workout_completed", { type: "strength", minutes: 20 }).wait(5, 20);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "running", cause: null, tags: ["quick-success"] });
};

export const onboarding: Scenario = (scene) => {
  const { s, rng } = scene;
  s.capture("Application Installed", { version: "2.8.1", build: "412" });
  s.capture("Application Opened", { version: "2.8.1", build: "412", from_background: false });
  s.screen("/onboarding").wait(5, 20);
  s.click(tap("Get started", "get-started"));
  s.screen("/onboarding/goal").wait(5, 30);
  const goal = rng.pick(["5k", "10k", "half_marathon", "marathon"]);
  s.click(tap(goal.replace("_", " "), `goal-${goal}`)).wait(10, 40);
  s.screen("/onboarding/schedule").wait(10, 60);
  scene.midNoise();
  s.click(tap("Build my plan", "build-plan"));
  s.capture("plan_generated", { goal, weeks: rng.int(8, 18), runs_per_week: rng.int(3, 5) });
  s.screen("/today").wait(10, 60);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "growth", cause: null, tags: ["happy-path", "new-user"] });
};

export const subscribe: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Unlock adaptive plans", "premium-banner"));
  s.screen("/paywall").wait(15, 60);
  s.click(tap("Start 7-day free trial", "start-trial"));
  scene.midNoise();
  s.wait(8, 25).capture("subscription_started", { plan: rng.pick(["annual", "monthly"]), trial: true });
  s.screen("/today").wait(5, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "subscriptions", cause: null, tags: ["happy-path"] });
};

export const connectWatch: Scenario = (scene) => {
  const { s, rng } = scene;
  const provider = rng.pick(["apple_health", "garmin"]);
  open(scene);
  s.click(tap("Settings", "tab-settings"));
  s.screen("/settings").wait(3, 10);
  s.click(tap("Watches & apps", "settings-watch"));
  s.screen("/settings/watch").wait(3, 15);
  s.click(tap(provider === "garmin" ? "Connect Garmin" : "Connect Apple Health", `connect-${provider}`));
  if (provider === "garmin") s.capture("Application Backgrounded").wait(20, 60).capture("Application Became Active");
  scene.midNoise();
  s.capture("watch_connected", { provider }).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 9, 10), department: "integrations", cause: null, tags: ["happy-path"] });
};

export const engaged: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Plan", "tab-plan"));
  s.screen("/plan").wait(20, 90);
  s.click(tap("Week 4", "plan-week"));
  s.screen("/plan/week/4").wait(30, 120);
  s.screen("/today").wait(5, 20);
  run(scene, rng.int(8, 16), "long");
  scene.midNoise();
  s.click(tap("Stats", "tab-stats"));
  s.screen("/stats").wait(60, 240);
  scene.leave();
  return scene.label({ outcome: "success", score: 10, department: "running", cause: null, tags: ["long-engaged"] });
};

export const helpFound: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.screen("/help").wait(3, 10);
  s.capture("help_searched", { query: rng.pick(["change race date", "move my race", "new goal race"]), results_count: rng.int(2, 5) });
  s.click(tap("Changing your goal race", "help-result"));
  s.screen("/help/articles/change-goal-race").wait(40, 120);
  s.screen("/plan").wait(5, 20);
  s.click(tap("Edit goal", "edit-goal")).wait(20, 60);
  scene.midNoise();
  s.capture("plan_generated", { goal: "half_marathon", weeks: rng.int(6, 12), runs_per_week: 4 }).wait(10, 30);
  scene.leave();
  return scene.label({ outcome: "success", score: score(rng, 8, 9), department: "coaching", cause: null, tags: ["help-search-found"] });
};

/** Opened the app (a stray tap, or a notification) and backgrounded it within seconds. */
export const appBounce: Scenario = (scene) => {
  const { s, rng } = scene;
  s.capture("Application Opened", { version: "2.8.1", build: "412", from_background: rng.chance(0.5) });
  s.screen("/today").wait(2, 7);
  scene.leave();
  return scene.label({ outcome: "bounce", score: 5, department: "coaching", cause: null, tags: ["bounce"] });
};

export const restoreOnIos: Scenario = (scene) => {
  const { s } = scene;
  open(scene);
  s.click(tap("Unlock adaptive plans", "premium-banner"));
  s.screen("/paywall").wait(10, 30);
  s.click(tap("Restore purchases", "restore"));
  s.wait(3, 10).capture("subscription_restored", { plan: "annual", platform: "ios" });
  s.screen("/today").wait(5, 20);
  scene.midNoise().leave();
  return scene.label({ outcome: "success", score: 9, department: "subscriptions", cause: null, tags: ["happy-path"] });
};
