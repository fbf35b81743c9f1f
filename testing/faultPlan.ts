import type { IncomingMessage, ServerResponse } from "node:http";

/** One fault a fake server can answer a request with. Refusals come before the request is handled; the rest after (done, reply lost). */
export type Fault =
  | { kind: "status"; status: 429 | 500 | 503; retryAfterSeconds?: number }
  | { kind: "timeout" }
  | { kind: "truncated" }
  | { kind: "invalidJson" }
  | { kind: "drop" };

export const EVERY_FAULT: Fault[] = [
  { kind: "status", status: 429, retryAfterSeconds: 1 },
  { kind: "status", status: 429 },
  { kind: "status", status: 500 },
  { kind: "status", status: 503 },
  { kind: "timeout" },
  { kind: "truncated" },
  { kind: "invalidJson" },
  { kind: "drop" },
];

/**
 * Which requests of a fake server fail, and how: a seeded share of them (the same run every time), or
 * every one while the service is `down`. Counts what it injected, by kind, for the tests' notes.
 */
export class FaultPlan {
  readonly injected = new Map<string, number>();
  down = false;
  private readonly random: () => number;

  constructor(private readonly opts: { share: number; seed: number; kinds?: Fault[]; timeoutHangMs?: number }) {
    this.random = seededRandom(opts.seed);
  }

  get total(): number {
    return [...this.injected.values()].reduce((a, b) => a + b, 0);
  }

  next(): Fault | null {
    const kinds = this.opts.kinds ?? EVERY_FAULT;
    const fault: Fault | null = this.down ? { kind: "status", status: 503 } : this.random() < this.opts.share ? kinds[Math.floor(this.random() * kinds.length)]! : null;
    if (fault) {
      const key = fault.kind === "status" ? `${fault.status}${fault.retryAfterSeconds !== undefined ? " Retry-After" : ""}` : fault.kind;
      this.injected.set(key, (this.injected.get(key) ?? 0) + 1);
    }
    return fault;
  }

  /** Serves one request: a refusal without handling it, or the handler's reply delivered (or lost) as the fault says. */
  async serve(req: IncomingMessage, res: ServerResponse, handle: () => Promise<{ status: number; body: string }>): Promise<void> {
    const fault = this.next();
    if (fault?.kind === "status") {
      req.resume();
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
      res.writeHead(fault.status, headers).end(JSON.stringify({ message: `fault plan: ${fault.status}`, error: { message: `fault plan: ${fault.status}` } }));
      return;
    }
    const reply = await handle();
    if (!fault) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
      return;
    }
    switch (fault.kind) {
      case "timeout":
        // Done, and the reply never comes: the client's timeout must end the wait.
        setTimeout(() => res.destroy(), this.opts.timeoutHangMs ?? 5_000).unref();
        return;
      case "truncated":
        res.writeHead(reply.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(reply.body)) });
        res.write(reply.body.slice(0, Math.floor(reply.body.length / 2)));
        res.destroy();
        return;
      case "invalidJson":
        res.writeHead(200, { "content-type": "application/json" }).end("{not json");
        return;
      case "drop":
        res.socket?.destroy();
        return;
    }
  }

}

/** mulberry32: numbers in [0, 1) from a seed, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
