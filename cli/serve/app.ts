import { Hono, type Context } from "hono";
import { SelfhealError } from "../../runtime/errors.js";
import { requireToken } from "./access.js";
import { weekOf, type ReviewContext } from "./context.js";
import { weekPage } from "./pages/week.js";
import { patternPage, patternsPage } from "./pages/patterns.js";
import { sessionPage } from "./pages/session.js";
import { ticketsPage } from "./pages/tickets.js";
import { attemptPage, attemptsPage } from "./pages/attempts.js";
import { problemPage } from "./pages/gates.js";
import { page } from "./layout.js";
import { escapeHtml } from "../../agents/review/html.js";

/**
 * The review app: server-rendered pages over the warehouse, every request behind the access token.
 * Answering a gate resumes its checkpointed run through the graph host, as `selfheal review` does.
 */
export function reviewApp(ctx: ReviewContext, token: string): Hono {
  const app = new Hono();
  app.use("*", requireToken(token));

  const notFound = (c: Context, what: string) => c.html(page({ title: "Not found", productName: ctx.loaded.profile.product.name, section: "week", week: null, body: `<section><p class="error">${escapeHtml(what)}</p></section>` }), 404);

  app.get("/", async (c) => c.html(await weekPage(ctx, await weekOf(ctx, c.req.query("week")))));
  app.get("/patterns", async (c) => c.html(await patternsPage(ctx, await weekOf(ctx, c.req.query("week")))));
  app.get("/patterns/:fingerprint", async (c) => {
    const html = await patternPage(ctx, await weekOf(ctx, c.req.query("week")), c.req.param("fingerprint"));
    return html ? c.html(html) : notFound(c, "No such pattern in that week.");
  });
  app.get("/sessions/:id", async (c) => {
    const html = await sessionPage(ctx, c.req.param("id"));
    return html ? c.html(html) : notFound(c, "No such session in this warehouse.");
  });
  app.get("/tickets", async (c) => c.html(await ticketsPage(ctx, c.req.query("week") ?? null)));
  app.get("/attempts", async (c) => c.html(await attemptsPage(ctx, c.req.query("week") ?? null)));
  app.get("/attempts/:ticket", async (c) => {
    const html = await attemptPage(ctx, c.req.param("ticket"));
    return html ? c.html(html) : notFound(c, "Skynet made no attempt at that ticket.");
  });
  let gates: Promise<ReturnType<typeof import("./gateRoutes.js").gateRoutes>> | null = null;
  const gateRoutes = () => (gates ??= import("./gateRoutes.js").then((m) => m.gateRoutes(ctx, token)));
  app.get("/gates", async (c) => (await gateRoutes()).list(c));
  app.post("/gates/answer", async (c) => (await gateRoutes()).answer(c));

  app.onError((err, c) => {
    const status = err instanceof SelfhealError && err.exitCode === 2 ? 400 : 500;
    const message = err instanceof SelfhealError ? err.message : `${err.name}: ${err.message}`;
    return c.html(problemPage(ctx, message), status);
  });
  return app;
}
