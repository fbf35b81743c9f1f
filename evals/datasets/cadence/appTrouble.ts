// Cadence app sessions that hit a bug, or want what Cadence does not do.
import type { Scenario, Scene } from "../_kit/scene.js";
import { bug, improvement } from "../_kit/truth.js";
import { score } from "../_kit/week.js";
import { idOf, open, run, tap } from "./app.js";
import { appException } from "./stacks.js";

/** Where the API server's own events go (Segment, server side). */
export type ServerSink = (userId: string, event: string, properties: Record<string, unknown>, at: number) => void;

const osOf = (scene: Scene): string => String(scene.s.visitor.context["$os"] ?? "iOS");

function searchHelp(scene: Scene, query: string, results: number): void {
  scene.s.screen("/help").wait(3, 10);
  scene.s.capture("help_searched", { query, results_count: results }).wait(5, 25);
}

/** A treadmill run (no GPS) or a run under a kilometre has no splits: the summary crashes and the run is lost. */
export const shortRunCrash: Scenario = (scene) => {
  const { s, rng } = scene;
  const treadmill = rng.chance(0.7);
  open(scene);
  s.click(tap("Today's run", "today-workout"));
  s.screen(`/workouts/${idOf(rng)}`).wait(5, 20);
  s.click(tap(treadmill ? "Start indoor run" : "Start run", "start-run"));
  s.screen("/run/live");
  s.capture("run_started", { type: treadmill ? "treadmill" : "warmup", gps: !treadmill, watch: false });
  for (let i = treadmill ? rng.int(3, 6) : 1; i > 0; i--) s.wait(240, 420).capture("run_heartbeat", { elapsed_s: rng.int(300, 2400) });
  s.click(tap("Finish", "finish-run"));
  s.screen(`/run/summary/${idOf(rng)}`);
  s.exception(appException(rng, "short-run-summary-crash", osOf(scene))).wait(2, 8);
  s.rageclick(tap("Save run", "save-run"));
  scene.midNoise();
  if (rng.chance(0.4)) {
    s.screen("/today").wait(10, 40);
    s.click(tap("History", "tab-history"));
    s.screen("/history").wait(10, 40);
  }
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 0, 2), department: "running", cause: bug("short-run-summary-crash"), tags: ["blocked-by-bug", "data-lost"] });
};

function garminAttempt(scene: Scene, server: ServerSink, fails: boolean): void {
  const { s, rng } = scene;
  s.click(tap("Connect Garmin", "connect-garmin"));
  s.capture("Application Backgrounded").wait(15, 60).capture("Application Became Active");
  s.capture("Deep Link Opened", { url: "cadence://watch/garmin/callback" });
  if (fails) {
    server(s.visitor.distinctId, "api_error", { status: 502, endpoint: "/v1/watch/garmin/token", provider: "garmin", upstream_status: 401 }, s.now + rng.int(200, 700));
    s.wait(1, 2).capture("watch_connect_failed", { provider: "garmin", status: 502 }).wait(5, 30);
  } else {
    s.wait(1, 2).capture("watch_connected", { provider: "garmin" }).wait(5, 20);
  }
}

function toWatchSettings(scene: Scene): void {
  open(scene);
  scene.s.click(tap("Settings", "tab-settings"));
  scene.s.screen("/settings").wait(3, 10);
  scene.s.click(tap("Watches & apps", "settings-watch"));
  scene.s.screen("/settings/watch").wait(3, 15);
}

/** The API signs the verifier but sends it unencoded: verifiers with '+' fail at Garmin every time. */
export const garminLinkFails =
  (server: ServerSink): Scenario =>
  (scene) => {
    const { rng } = scene;
    toWatchSettings(scene);
    for (let attempt = rng.int(1, 3); attempt > 0; attempt--) garminAttempt(scene, server, true);
    scene.midNoise();
    if (rng.chance(0.4)) searchHelp(scene, rng.pick(["garmin not connecting", "garmin error", "connect garmin watch"]), 1);
    scene.leave();
    return scene.label({ outcome: "failure", score: score(rng, 1, 3), department: "integrations", cause: bug("garmin-verifier-unencoded"), tags: ["blocked-by-bug", "server-side-error", "failure-event-without-stack"] });
  };

/** The first verifier had a '+', the retry's did not: linked on the second try. */
export const garminLinkRetried =
  (server: ServerSink): Scenario =>
  (scene) => {
    const { rng } = scene;
    toWatchSettings(scene);
    garminAttempt(scene, server, true);
    garminAttempt(scene, server, false);
    scene.midNoise().leave();
    return scene.label({ outcome: "success", score: score(rng, 7, 8), department: "integrations", cause: bug("garmin-verifier-unencoded"), tags: ["success-after-error"] });
  };

/** Google Play product ids are not in the plan table: Android users cannot restore what they paid for. */
export const restoreFailsOnAndroid: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Unlock adaptive plans", "premium-banner"));
  s.screen("/paywall").wait(10, 30);
  for (let attempt = rng.int(1, 3); attempt > 0; attempt--) {
    s.click(tap("Restore purchases", "restore"));
    s.wait(2, 6).capture("subscription_restore_failed", { reason: "no_active_purchase", purchases: rng.int(1, 3), platform: "android" }).wait(5, 20);
  }
  scene.midNoise();
  searchHelp(scene, rng.pick(["restore purchase android", "already paid premium", "premium not working new phone"]), rng.int(0, 1));
  scene.leave();
  return scene.label({ outcome: "failure", score: score(rng, 0, 2), department: "subscriptions", cause: bug("play-restore-product-ids"), tags: ["blocked-by-bug", "failure-event-without-stack"] });
};

/** A weekly push links to a week the regenerated (shorter) plan no longer has. */
export const stalePlanWeek =
  (recovers: boolean): Scenario =>
  (scene) => {
    const { s, rng } = scene;
    const week = rng.int(11, 16);
    s.capture("Application Opened", { version: "2.8.1", build: "412", from_background: false });
    s.capture("push_opened", { campaign: "weekly_plan", week });
    s.screen(`/plan/week/${week}`);
    s.exception(appException(rng, "stale-plan-week-link", osOf(scene))).wait(3, 15);
    scene.midNoise();
    if (recovers) {
      s.click(tap("Plan", "tab-plan"));
      s.screen("/plan").wait(20, 60);
      s.click(tap("This week", "plan-week"));
      s.screen(`/plan/week/${rng.int(2, 6)}`).wait(20, 80);
    }
    scene.leave();
    return recovers
      ? scene.label({ outcome: "success", score: 7, department: "coaching", cause: bug("stale-plan-week-link"), tags: ["success-after-error"] })
      : scene.label({ outcome: "failure", score: score(rng, 2, 3), department: "coaching", cause: bug("stale-plan-week-link"), tags: ["blocked-by-bug"] });
  };

/** Saves the run, then looks for a way to send it to Strava from its summary: there is none. */
export const wantsStrava: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  const id = run(scene, rng.int(3, 10), "easy");
  s.click(tap("Share", "share-run")).wait(5, 20);
  s.click(tap("Strava · Coming soon", "share-strava")).wait(2, 6);
  s.rageclick(tap("Strava · Coming soon", "share-strava"));
  scene.midNoise();
  searchHelp(scene, rng.pick(["strava", "sync to strava", "export run to strava", "upload gpx strava"]), 0);
  s.screen(`/run/summary/${id}`).wait(5, 20);
  scene.leave();
  return scene.label({ outcome: "partial", score: score(rng, 5, 6), department: "running", cause: improvement("strava-sync"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsOfflineMaps: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Routes", "tab-routes"));
  s.screen("/routes").wait(10, 40);
  s.click(tap(rng.pick(["Lakeside loop", "Old railway 12k", "Forest trail"]), "route-card"));
  s.screen(`/routes/${idOf(rng)}`).wait(20, 60);
  s.rageclick(tap("Map", "route-map"));
  scene.midNoise();
  searchHelp(scene, rng.pick(["offline map", "download route offline", "map without signal", "offline maps trail"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: 4, department: "running", cause: improvement("offline-maps"), tags: ["help-search-not-found", "missing-feature"] });
};

export const wantsVoiceLanguage: Scenario = (scene) => {
  const { s, rng } = scene;
  open(scene);
  s.click(tap("Settings", "tab-settings"));
  s.screen("/settings/audio").wait(5, 20);
  s.click(tap("Coach voice · English (US)", "voice-language")).wait(3, 10);
  scene.midNoise();
  searchHelp(scene, rng.pick(["voice coach spanish", "audio cues in german", "coach voice language"]), 0);
  scene.leave();
  return scene.label({ outcome: "failure", score: 4, department: "coaching", cause: improvement("coach-voice-languages"), tags: ["help-search-not-found", "missing-feature"] });
};
