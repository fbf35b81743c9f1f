import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { buildTranscript } from "./transcript.js";
import { countTokens } from "./tokens.js";
import { ProductProfile } from "../../state/profile.js";
import type { StoredEvent } from "../../state/session.js";

const profile = ProductProfile.parse({
  product: { name: "Shop", description: "An online shop." },
  departments: { checkout: ["/checkout"] },
  successEvents: ["order_placed"],
  redaction: { sensitiveProperties: ["coupon_owner"] },
});

const T0 = Date.parse("2026-03-02T09:00:00.000Z");
let seq = 0;
function ev(event: string, atSec: number, properties: Record<string, unknown> = {}): StoredEvent {
  seq++;
  return { uuid: `uuid-${String(seq).padStart(5, "0")}`, event, distinctId: "u1", timestamp: new Date(T0 + atSec * 1000).toISOString(), sessionId: "s1", properties };
}
const view = (at: number, url: string) => ev("$pageview", at, { $current_url: `https://shop.test${url}`, $pathname: url.split("?")[0] });
const click = (at: number, text: string) => ev("$autocapture", at, { $event_type: "click", $el_text: text });
const error = (at: number, message: string) =>
  ev("$exception", at, { $exception_list: [{ type: "TypeError", value: message, stacktrace: { frames: [{ filename: "src/cart.ts", function: "total", lineno: 12, in_app: true }] } }] });

/** A 3,000-event session: an hour of browsing with errors, a rage click and an order in the middle. */
function longSession(): { events: StoredEvent[]; errors: StoredEvent[]; rage: StoredEvent; order: StoredEvent; lastMinute: StoredEvent[] } {
  seq = 0;
  const events: StoredEvent[] = [view(0, "/products?utm_source=ads")];
  const errors: StoredEvent[] = [];
  let rage: StoredEvent | null = null;
  let order: StoredEvent | null = null;
  for (let i = 1; events.length < 2940; i++) {
    const at = i * 1.2;
    if (i % 7 === 0) events.push(view(at, `/products/p_${i}`));
    else if (i % 11 === 0) events.push(ev("$feature_flag_called", at, { $feature_flag: "new-cart" }));
    else if (i % 13 === 0) events.push(ev("$autocapture", at, { $event_type: "click" }));
    else events.push(click(at, `Product ${i % 300}`));
    if (i === 400) errors.push(error(at + 0.1, "Cannot read properties of undefined (reading 'price') for ada@example.com"));
    if (i === 1200) errors.push(error(at + 0.1, "Coupon service returned 502 for card 4111 1111 1111 1111"));
    if (i === 1500) rage = ev("$rageclick", at + 0.2, { $el_text: "Apply coupon" });
    if (i === 1800) order = ev("order_placed", at + 0.3, { order_id: "o_1", coupon_owner: "bob@example.com" });
    if (i === 400 || i === 1200) events.push(errors.at(-1) as StoredEvent);
    if (i === 1500 && rage) events.push(rage);
    if (i === 1800 && order) events.push(order);
  }
  const end = (events.at(-1) ? Date.parse(events.at(-1)?.timestamp ?? "") - T0 : 0) / 1000;
  const lastMinute = [click(end + 10, "Track order"), error(end + 20, "Tracking widget crashed"), view(end + 30, "/orders/o_1?token=sk_live_AbCdEf1234567890GhIjKlMn"), ev("$pageleave", end + 50)];
  events.push(...lastMinute);
  if (!rage || !order) throw new Error("fixture");
  return { events, errors, rage, order, lastMinute };
}

const uuidsIn = (ids: Map<string, string>) => new Set(ids.values());

describe("session transcript", () => {
  it("fits a 3,000-event session in the budget and keeps errors, rage clicks, success and the last minute", () => {
    const s = longSession();
    expect(s.events.length).toBeGreaterThanOrEqual(2940);
    const t = buildTranscript(s.events, profile, 3000);
    expect(t.tokens).toBeLessThanOrEqual(3000);
    expect(countTokens(t.text)).toBe(t.tokens);
    expect(t.events).toBe(s.events.length);
    expect(t.text).toMatch(/events omitted/);
    const kept = uuidsIn(t.ids);
    for (const e of [...s.errors, s.rage, s.order]) expect(kept.has(e.uuid)).toBe(true);
    // Clicks and the error of the last minute are there; the leave follows a view, kept too.
    for (const e of s.lastMinute) expect(kept.has(e.uuid)).toBe(true);
    expect(t.text).toContain("SUCCESS order_placed");
    expect(t.text).toContain('RAGE-CLICK "Apply coupon"');
  });

  it("keeps the essentials even under a tiny budget", () => {
    const s = longSession();
    const t = buildTranscript(s.events, profile, 400);
    expect(t.tokens).toBeLessThanOrEqual(400);
    const kept = uuidsIn(t.ids);
    expect(kept.has(s.order.uuid)).toBe(true);
    expect(kept.has(s.rage.uuid)).toBe(true);
    for (const e of s.errors) expect(kept.has(e.uuid)).toBe(true);
  });

  it("gives every event the same short id whatever the budget", () => {
    const s = longSession();
    const big = buildTranscript(s.events, profile, 100_000);
    const small = buildTranscript(s.events, profile, 500);
    expect(small.ids.size).toBeLessThan(big.ids.size);
    for (const [id, uuid] of small.ids) expect(big.ids.get(id)).toBe(uuid);
    // Every id maps to a real event of the session.
    const real = new Set(s.events.map((e) => e.uuid));
    for (const uuid of big.ids.values()) expect(real.has(uuid)).toBe(true);
  });

  it("drops noise, collapses repeats, aliases routes and redacts what it shows", () => {
    seq = 0;
    const events = [
      view(0, "/checkout/cart?email=ada%40example.com"),
      ev("$feature_flag_called", 1, { $feature_flag: "x" }),
      ev("$autocapture", 2, { $event_type: "click" }),
      click(3, "Pay"),
      click(4, "Pay"),
      click(5, "Pay"),
      error(6, "Payment failed for ada@example.com with card 4111 1111 1111 1111 (attempt 3)"),
      view(7, "/checkout/cart"),
      view(8, "/checkout/cart/summary"),
      view(9, "/checkout/cart"),
      ev("coupon_applied", 10, { coupon_owner: "bob@example.com", code_len: 8 }),
      ev("$autocapture", 11, { $event_type: "click", $el_text: "Call +44 20 7946 0958" }),
    ];
    const t = buildTranscript(events, profile, 3000);
    expect(t.text).not.toMatch(/feature_flag/);
    expect(t.text).toContain('click "Pay" ×3');
    expect(t.text).toMatch(/routes: R1=\/checkout\/cart\b/);
    expect(t.text).toMatch(/ERROR TypeError: Payment failed for \[email\] with card/);
    for (const secret of ["ada@example.com", "ada%40example.com", "4111 1111 1111 1111", "bob@example.com", "7946 0958"]) expect(t.text).not.toContain(secret);
    expect(t.text).toContain("event coupon_applied (code_len=8)");
    // 12 events, 2 dropped as noise, 2 collapsed into the "Pay" line.
    expect(t.ids.size).toBe(8);
    expect(t.eventsShown).toBe(10);
  });

  it("never exceeds the budget, and every id it shows is a stable id of a real event (property)", () => {
    const kinds = fc.constantFrom("view", "click", "blank", "rage", "dead", "error", "order", "custom", "flag", "leave");
    const session = fc.array(fc.tuple(kinds, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(session, fc.integer({ min: 120, max: 2500 }), (spec, budget) => {
        seq = 0;
        let t = 0;
        const events = spec.map(([kind, n, gap]) => {
          t += gap;
          if (kind === "view") return view(t, `/products/p_${n}/reviews/section-${n % 3}`);
          if (kind === "click") return click(t, `Button ${n}`);
          if (kind === "blank") return ev("$autocapture", t, { $event_type: "click" });
          if (kind === "rage") return ev("$rageclick", t, { $el_text: `Buy ${n}` });
          if (kind === "dead") return ev("$dead_click", t, { $el_text: "Disabled" });
          if (kind === "error") return error(t, `Request ${n} failed for user${n}@example.com`);
          if (kind === "order") return ev("order_placed", t, { items: n });
          if (kind === "flag") return ev("$feature_flag_called", t, { $feature_flag: "x" });
          if (kind === "leave") return ev("$pageleave", t);
          return ev(`custom_${n % 4}`, t, { n });
        });
        const full = buildTranscript(events, profile, 1_000_000);
        const cut = buildTranscript(events, profile, budget);
        expect(cut.tokens).toBeLessThanOrEqual(budget);
        expect(countTokens(cut.text)).toBe(cut.tokens);
        for (const [id, uuid] of cut.ids) expect(full.ids.get(id)).toBe(uuid);
        expect(cut.text).not.toMatch(/@example\.com/);
      }),
      { numRuns: 40 },
    );
  });
});
