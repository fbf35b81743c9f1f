// Linking a watch: the app opens the provider's consent page and hands the callback to the API.
export async function finishGarminLink({ api, track }, callbackUrl) {
  const params = new URL(callbackUrl).searchParams;
  const response = await api.post("/v1/watch/garmin/token", { token: params.get("oauth_token"), verifier: params.get("oauth_verifier") });
  if (!response.ok) {
    track("watch_connect_failed", { provider: "garmin", status: response.status });
    return false;
  }
  track("watch_connected", { provider: "garmin" });
  return true;
}
