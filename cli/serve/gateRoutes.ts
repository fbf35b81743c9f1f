import type { Context } from "hono";
import { answerGate, pendingGates } from "../../graphs/host/pendingGates.js";
import type { ReviewContext } from "./context.js";
import { responseFromForm } from "./answer.js";
import { answeredPage, gatesPage, problemPage } from "./pages/gates.js";

/**
 * The gates' routes, loaded on the first visit to them: they bring the graph host and LangGraph,
 * which the other pages do not need, so the app prints its URL without waiting for them.
 */
export function gateRoutes(ctx: ReviewContext, token: string) {
  /** Threads whose gate is being answered: a second click resumes nothing twice. */
  const answering = new Set<string>();
  return {
    list: async (c: Context) => c.html(gatesPage(ctx, await pendingGates(ctx.settings), token)),
    answer: async (c: Context) => {
      const form = await c.req.parseBody();
      const threadId = typeof form["thread"] === "string" ? form["thread"] : "";
      const answer = responseFromForm({ answer: form["answer"], text: form["text"], edit: form["edit"] });
      if (answering.has(threadId)) return c.html(problemPage(ctx, `The gate on ${threadId} is being answered already.`), 409);
      const target = (await pendingGates(ctx.settings)).find((p) => p.threadId === threadId);
      if (!target) return c.html(problemPage(ctx, `No gate is waiting on ${threadId || "that thread"}: it may have been answered already.`), 409);
      answering.add(threadId);
      try {
        return c.html(answeredPage(ctx, threadId, answer.type, await answerGate(ctx.settings, target, answer)));
      } finally {
        answering.delete(threadId);
      }
    },
  };
}
