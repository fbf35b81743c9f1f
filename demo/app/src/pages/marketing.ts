// Public pages: landing, pricing and sign-up.
import type { AppResponse } from "../http.js";
import type { RequestContext } from "../router.js";
import { escapeHtml, page } from "./layout.js";

export function renderHome(): AppResponse {
  return page(
    "Workflow automation for small teams",
    `<section class="hero"><h1>Automate the busywork between your CRM, inbox and spreadsheets</h1>` +
      `<p>Acme connects HubSpot, Slack and Gmail and runs AI tools on every new lead.</p>` +
      `<a class="btn btn-primary" href="/signup">Start free</a> <a class="btn" href="/pricing">Pricing</a></section>`,
  );
}

export function renderPricing(): AppResponse {
  const plans = [
    ["Starter", "$0", "3 workflows, 100 runs a month"],
    ["Team", "$49", "Unlimited workflows, 10,000 runs a month, AI tools"],
    ["Business", "$199", "SSO, audit log, priority support"],
  ];
  const cards = plans
    .map(([name, price, detail]) => `<div class="plan"><h2>${name}</h2><p class="price">${price}</p><p>${detail}</p></div>`)
    .join("");
  return page("Pricing", `<h1>Pricing</h1><div class="plans">${cards}</div>`);
}

/** Newsletter links pre-fill the email field through ?email=. */
export function renderSignup(ctx: RequestContext): AppResponse {
  const email = ctx.req.query.get("email") ?? "";
  return page(
    "Sign up",
    `<h1>Create your Acme workspace</h1><form method="post" action="/signup">` +
      `<input type="email" name="email" value="${escapeHtml(email)}"><button class="btn btn-primary">Start free</button></form>`,
  );
}
