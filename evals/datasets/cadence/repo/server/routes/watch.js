// POST /v1/watch/garmin/token
import { accessTokenRequest } from "../garmin/token.js";

export async function garminToken(req, { fetch, secrets, pending, analytics }) {
  const { token, verifier } = req.body;
  const tokenSecret = await pending.tokenSecret(token);
  const request = accessTokenRequest(secrets.garmin, { token, tokenSecret, verifier });
  const upstream = await fetch(request.url, { method: "POST", headers: { authorization: request.authorization } });
  if (!upstream.ok) {
    analytics.track({ userId: req.userId, event: "api_error", properties: { status: 502, endpoint: "/v1/watch/garmin/token", provider: "garmin", upstream_status: upstream.status } });
    return { status: 502, body: { error: "garmin_token_exchange_failed" } };
  }
  return { status: 200, body: { linked: true } };
}
