import { test } from "node:test";
import assert from "node:assert/strict";
import { accessTokenRequest, signature } from "../server/garmin/token.js";

test("signatures follow OAuth 1.0a (RFC 5849 example)", () => {
  const params = { oauth_consumer_key: "dpf43f3p2l4k3l03", oauth_nonce: "kllo9940pd9333jh", oauth_signature_method: "HMAC-SHA1", oauth_timestamp: "1191242096", oauth_token: "nnch734d00sl2jdk", oauth_version: "1.0", file: "vacation.jpg", size: "original" };
  assert.equal(signature("GET", "http://photos.example.net/photos", params, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"), "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
});

test("the access-token request carries the token in its header", () => {
  const request = accessTokenRequest({ consumerKey: "ck", consumerSecret: "cs" }, { token: "rt", tokenSecret: "ts", verifier: "v1" }, 1_794_000_000_000, "n0nce");
  assert.match(request.authorization, /oauth_token="rt"/);
  assert.equal(new URL(request.url).searchParams.get("oauth_verifier"), "v1");
});
