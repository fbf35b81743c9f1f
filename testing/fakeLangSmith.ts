import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

export interface LangSmithRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  body: unknown;
}

const uuid = z.string().uuid();
const time = z.union([z.string().min(1), z.number()]);

/** The request bodies of LangSmith's REST API that the eval upload uses (POST /runs, PATCH /runs/{id}, POST /feedback). */
const RunCreate = z.looseObject({
  id: uuid,
  name: z.string().min(1),
  run_type: z.enum(["tool", "chain", "llm", "retriever", "embedding", "prompt", "parser"]),
  start_time: time,
  inputs: z.record(z.string(), z.unknown()),
  session_name: z.string().min(1).optional(),
});
const RunUpdate = z.looseObject({ end_time: time, outputs: z.record(z.string(), z.unknown()).optional(), error: z.string().nullable().optional() });
const FeedbackCreate = z.looseObject({
  id: uuid,
  run_id: uuid.nullable(),
  key: z.string().min(1),
  score: z.union([z.number(), z.boolean(), z.null()]).optional(),
  comment: z.string().nullable().optional(),
});

/**
 * A local stand-in for LangSmith's API (LANGSMITH_ENDPOINT): it checks each body against the shape the
 * real API takes, answers 422 otherwise (as LangSmith does), 401 without the expected x-api-key, and
 * records every request. Bound to 127.0.0.1 on a free port.
 */
export class FakeLangSmithServer {
  readonly requests: LangSmithRequest[] = [];
  readonly rejected: { path: string; reason: string }[] = [];
  private server: Server | null = null;

  constructor(private readonly apiKey: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const path = (req.url ?? "").split("?")[0] ?? "";
    const apiKey = req.headers["x-api-key"] as string | undefined;
    this.requests.push({ method: req.method ?? "", path, apiKey, body });
    if (req.method === "GET" && path === "/info") return reply(res, 200, { version: "fake", batch_ingest_config: { size_limit: 100 } });
    if (apiKey !== this.apiKey) return reply(res, 401, { detail: "Invalid token" });
    const schema = req.method === "POST" && path === "/runs" ? RunCreate : req.method === "PATCH" && /^\/runs\/[^/]+$/.test(path) ? RunUpdate : req.method === "POST" && path === "/feedback" ? FeedbackCreate : null;
    if (!schema) return reply(res, 404, { detail: `no route ${req.method} ${path}` });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      this.rejected.push({ path, reason });
      return reply(res, 422, { detail: reason });
    }
    reply(res, 200, path === "/feedback" ? body : {});
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
