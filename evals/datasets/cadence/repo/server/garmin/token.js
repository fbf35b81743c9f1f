// Garmin Connect OAuth 1.0a: exchanging the request token and verifier for an access token.
import { createHmac, randomBytes } from "node:crypto";

export const GARMIN_TOKEN_URL = "https://connectapi.garmin.com/oauth-service/oauth/access_token";

const encode = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function signature(method, url, params, consumerSecret, tokenSecret) {
  const base = Object.keys(params)
    .sort()
    .map((key) => `${encode(key)}=${encode(params[key])}`)
    .join("&");
  const text = `${method}&${encode(url)}&${encode(base)}`;
  return createHmac("sha1", `${encode(consumerSecret)}&${encode(tokenSecret)}`).update(text).digest("base64");
}

/** The signed access-token request: its URL and Authorization header. */
export function accessTokenRequest({ consumerKey, consumerSecret }, { token, tokenSecret, verifier }, now = Date.now(), nonce = randomBytes(8).toString("hex")) {
  const oauth = {
    oauth_consumer_key: consumerKey,
    oauth_nonce: nonce,
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: String(Math.floor(now / 1000)),
    oauth_token: token,
    oauth_verifier: verifier,
    oauth_version: "1.0",
  };
  const sig = signature("POST", GARMIN_TOKEN_URL, oauth, consumerSecret, tokenSecret);
  const header = Object.entries({ ...oauth, oauth_signature: sig })
    .filter(([key]) => key !== "oauth_verifier")
    .map(([key, value]) => `${key}="${encode(value)}"`)
    .join(", ");
  return { url: `${GARMIN_TOKEN_URL}?oauth_verifier=${verifier}`, authorization: `OAuth ${header}` };
}
