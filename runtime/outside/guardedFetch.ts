import { CircuitOpenError } from "./circuit.js";
import { ServiceError, type ServiceGuard } from "./guard.js";

/** A reply worth another try: a transient status, or a JSON body that did not parse. Keeps the reply to hand back as it was. */
class FaultyReply extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly text: string,
    why: string,
  ) {
    super(why);
  }

  response(): Response {
    return new Response(this.text, { status: this.status, headers: this.headers });
  }
}

/**
 * A fetch for clients that take one (the OpenAI SDK), sending every request through the service's guard.
 * After the last retry the server's last reply is handed back as it was, so the client reports it in its
 * own words; an open circuit is answered with a 503 that says so, without a request sent.
 */
export function guardedFetch(guard: ServiceGuard, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await guard.call(async (signal) => {
        const res = await base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
        const text = await res.text(); // a body cut short fails here, and is retried
        if (res.status === 429 || res.status === 408 || res.status >= 500) throw new FaultyReply(res.status, res.headers, text, `${res.status} ${text.slice(0, 200)}`);
        if (res.ok && (res.headers.get("content-type") ?? "").includes("json")) {
          try {
            JSON.parse(text);
          } catch {
            throw new SyntaxError(`the reply was not valid JSON (${text.length} bytes)`);
          }
        }
        return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
      });
    } catch (err) {
      if (err instanceof CircuitOpenError) return new Response(JSON.stringify({ error: { message: err.message, type: "circuit_open" } }), { status: 503, headers: { "content-type": "application/json" } });
      if (err instanceof ServiceError && err.cause instanceof FaultyReply) return err.cause.response();
      throw err;
    }
  };
}
