import { Hono, type Context } from "hono";
import { SelfhealError } from "../../runtime/errors.js";
import { answerGate, pendingGates } from "../../graphs/host/pendingGates.js";
import { requireToken } from "./access.js";
import { weekOf, type ReviewContext } from "./context.js";
import { responseFromForm } from "./answer.js";
import { weekPage } from "./pages/week.js";
import { patternPage, patternsPage } from "./pages/patterns.js";
import { sessionPage } from "./pages/session.js";
import { ticketsPage } from "./pages/tickets.js";
import { attemptPage, attemptsPage } from "./pages/attempts.js";
import { answeredPage, gatesPage, problemPage } from "./pages/gates.js";
import { page } from "./layout.js";
import { escapeHtml } from "../../agents/review/html.js";

/**
 * The review app: server-rendered pages over the warehouse, every request behind the access token.
 * Answering a gate resumes its checkpointed run through the graph host, as `selfheal review` does.
 */
export function reviewApp(ctx: ReviewContext, token: string): Hono {
  const app = new Hono();
  /** Threads whose gate is being answered: a second click waits for nothing and resumes nothing twice. */
  const answering = new Set<string>();
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
  app.get("/gates", async (c) => c.html(gatesPage(ctx, await pendingGates(ctx.settings), token)));
  app.post("/gates/answer", async (c) => {
    const form = await c.req.parseBody();
    const threadId = typeof form["thread"] === "string" ? form["thread"] : "";
    const answer = responseFromForm({ answer: form["answer"], text: form["text"], edit: form["edit"] });
    if (answering.has(threadId)) return c.html(problemPage(ctx, `The gate on ${threadId} is being answered already.`), 409);
    const target = (await pendingGates(ctx.settings)).find((p) => p.threadId === threadId);
    if (!target) return c.html(problemPage(ctx, `No gate is waiting on ${threadId || "that thread"}: it may have been answered already.`), 409);
    answering.add(threadId);
    try {
      const outcome = await answerGate(ctx.settings, target, answer);
      return c.html(answeredPage(ctx, threadId, answer.type, outcome));
    } finally {
      answering.delete(threadId);
    }
  });

  app.onError((err, c) => {
    const status = err instanceof SelfhealError && err.exitCode === 2 ? 400 : 500;
    const message = err instanceof SelfhealError ? err.message : `${err.name}: ${err.message}`;
    return c.html(problemPage(ctx, message), status);
  });
  return app;
}
