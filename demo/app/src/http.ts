// Transport-neutral request/response types, so handlers are testable without sockets.

export interface AppRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Signed-in user; "anonymous" on public pages. */
  userId: string;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function json(status: number, data: unknown): AppResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(data) };
}

export function html(status: number, markup: string): AppResponse {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: markup };
}

export function redirect(location: string): AppResponse {
  return { status: 303, headers: { location }, body: "" };
}

/** The parsed JSON or form body as an object; anything else is a 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, "Expected a JSON object body");
  }
  return body as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}
