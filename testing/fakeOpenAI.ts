import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultPlan } from "./faultPlan.js";
import { embeddingsResponse } from "./fakeEmbeddings.js";

/** What the fake server answers one chat-completions request with. */
export type FakeReply =
  | { content: string; delayMs?: number }
  | { toolCalls: { name: string; args: Record<string, unknown> }[]; delayMs?: number }
  | { status: number; body?: string; retryAfterSeconds?: number }
  | { raw: string };

export interface FakeRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: { model?: string; messages?: { role: string; content: unknown }[]; tools?: unknown[]; [k: string]: unknown };
  /** The body exactly as received, for "did this string ever leave the machine" checks. */
  rawBody: string;
}

/**
 * A local OpenAI-compatible server for end-to-end tests of anything that calls a model through
 * @langchain/openai: it answers POST /v1/chat/completions from a script (or a function of the request),
 * POST /v1/embeddings with deterministic vectors (testing/fakeEmbeddings.ts; off with `servesEmbeddings`),
 * can inject 429s, 5xx and malformed bodies, and records every request and the peak concurrency.
 * Bound to 127.0.0.1 on a free port.
 */
export class FakeOpenAIServer {
  readonly requests: FakeRequest[] = [];
  peakConcurrency = 0;
  /** Faults to answer a share of requests with (429s, 5xx, timeouts, cut and invalid bodies, dropped connections). */
  faults: FaultPlan | null = null;
  /** False: /v1/embeddings answers 404, as a chat-only server (llama.cpp without --embeddings) does. */
  servesEmbeddings = true;
  private inFlight = 0;
  private server: Server | null = null;
  private readonly script: FakeReply[] = [];

  constructor(private readonly fallback?: (req: FakeRequest) => FakeReply) {}

  /** Queues replies, used in order before the fallback. */
  reply(...replies: FakeReply[]): this {
    this.script.push(...replies);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      if (!this.faults) return void this.handle(req, res);
      // Under a fault plan the scripted reply is produced first and then delivered, lost or refused as the plan says.
      void this.faults.serve(req, res, async () => {
        const captured = { status: 200, body: "" };
        const sink = { setHeader: () => sink, writeHead: (status: number) => ((captured.status = status), sink), end: (body: string) => ((captured.body = body), sink) };
        await this.handle(req, sink as unknown as ServerResponse);
        return captured;
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.peakConcurrency = Math.max(this.peakConcurrency, this.inFlight);
    try {
      const rawBody = await readBody(req);
      const request: FakeRequest = { path: req.url ?? "", headers: req.headers, body: safeJson(rawBody), rawBody };
      this.requests.push(request);
      if (request.path.endsWith("/embeddings")) return this.embeddings(request, res);
      if (!request.path.endsWith("/chat/completions")) return send(res, 404, { error: { message: `no route ${request.path}` } });
      const reply = this.script.shift() ?? this.fallback?.(request);
      if (!reply) return send(res, 500, { error: { message: "fake server: script exhausted" } });
      if ("delayMs" in reply && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if ("status" in reply) {
        if (reply.retryAfterSeconds !== undefined) res.setHeader("retry-after", String(reply.retryAfterSeconds));
        return send(res, reply.status, reply.body ?? { error: { message: `fake ${reply.status}`, type: "fake" } });
      }
      if ("raw" in reply) return send(res, 200, reply.raw);
      send(res, 200, completion(request.body.model ?? "fake-model", reply));
    } finally {
      this.inFlight--;
    }
  }

  private embeddings(request: FakeRequest, res: ServerResponse): void {
    if (!this.servesEmbeddings) return send(res, 404, { error: { message: `no route ${request.path}` } });
    const body = embeddingsResponse(request.body);
    if (!body) return send(res, 400, { error: { message: "input must be a string or an array of strings", type: "invalid_request_error" } });
    send(res, 200, body);
  }
}

function completion(model: string, reply: Extract<FakeReply, { content: string } | { toolCalls: unknown }>) {
  const message =
    "content" in reply
      ? { role: "assistant", content: reply.content }
      : {
          role: "assistant",
          content: null,
          tool_calls: reply.toolCalls.map((c, i) => ({ id: `call_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } })),
        };
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: "content" in reply ? "stop" : "tool_calls" }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function safeJson(text: string): FakeRequest["body"] {
  try {
    return JSON.parse(text) as FakeRequest["body"];
  } catch {
    return {};
  }
}
