import type { Hono } from "hono";

/** Requests to the review app in process, as a browser holding the token's cookie sends them. */
export function signedIn(app: Hono, token: string) {
  const cookie = `selfheal_token=${token}`;
  return {
    get: (path: string) => app.request(path, { headers: { cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      app.request(path, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() }),
  };
}
