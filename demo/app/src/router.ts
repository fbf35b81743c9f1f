// Minimal method + path router with ":param" segments.
import { HttpError, type AppRequest, type AppResponse } from "./http.js";
import type { AppDeps } from "./deps.js";

export interface RequestContext {
  req: AppRequest;
  params: Record<string, string>;
  deps: AppDeps;
}

export type Handler = (ctx: RequestContext) => AppResponse | Promise<AppResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly deps: AppDeps) {}

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  async dispatch(req: AppRequest): Promise<AppResponse> {
    const parts = split(req.path);
    for (const route of this.routes) {
      const params = route.method === req.method ? matchSegments(route.segments, parts) : null;
      if (params) return await route.handler({ req, params, deps: this.deps });
    }
    throw new HttpError(404, `No route for ${req.method} ${req.path}`);
  }
}

function split(path: string): string[] {
  return path.split("/").filter((part) => part !== "");
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of pattern.entries()) {
    const part = parts[i] ?? "";
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(part);
    else if (segment !== part) return null;
  }
  return params;
}

/** A route parameter the pattern guarantees; a 400 if a handler is mis-wired. */
export function param(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new HttpError(400, `Missing route parameter ${name}`);
  return value;
}
