import { randomBytes, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

const COOKIE = "selfheal_token";

/** A fresh access token for one run of the app: printed in its URL, never stored. */
export function newAccessToken(): string {
  return randomBytes(24).toString("base64url");
}

function same(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every request needs the token. The URL the app prints carries it once: that request gets it as a
 * same-site, HTTP-only cookie and is redirected to the address without it, so the token leaves the
 * address bar and history. A form that changes something must carry the token in its body as well
 * (a cookie alone would let another site's page post to it).
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const inQuery = url.searchParams.get("token") ?? undefined;
    if (c.req.method === "GET" && same(inQuery, token)) {
      setCookie(c, COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
      url.searchParams.delete("token");
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const allowed = c.req.method === "GET" || c.req.method === "HEAD" ? same(getCookie(c, COOKIE), token) : same(getCookie(c, COOKIE), token) && same(await formToken(c.req.raw.clone()), token);
    if (!allowed) return c.text("Refused: this app needs the access token of the URL `selfheal serve` printed.\n", 401);
    await next();
    // Pages load nothing from elsewhere and run no script; the token never leaves in a Referer.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Content-Type-Options", "nosniff");
  };
}

async function formToken(request: Request): Promise<string | undefined> {
  try {
    const value = (await request.formData()).get("token");
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
