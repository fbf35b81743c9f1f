import { DIGEST_CSS } from "../../agents/review/styles.js";
import { escapeHtml as e } from "../../agents/review/html.js";

export type Section = "week" | "patterns" | "tickets" | "attempts" | "gates";

const NAV: { section: Section; label: string; path: string }[] = [
  { section: "week", label: "Week", path: "/" },
  { section: "patterns", label: "Patterns", path: "/patterns" },
  { section: "tickets", label: "Tickets", path: "/tickets" },
  { section: "attempts", label: "Skynet", path: "/attempts" },
  { section: "gates", label: "Gates", path: "/gates" },
];

/** The app's own additions to the digest's stylesheet: navigation, forms, preformatted text. */
const APP_CSS = `
nav{display:flex;gap:4px;margin:0 0 12px;flex-wrap:wrap}
nav a{padding:6px 12px;border-radius:8px;text-decoration:none;color:#374151;font-weight:600}
nav a.on{background:#3867d6;color:#fff}
pre{background:#0f172a;color:#e2e8f0;border-radius:8px;padding:12px;overflow:auto;font-size:12.5px;line-height:1.45;max-height:640px;white-space:pre-wrap;overflow-wrap:anywhere}
form.answer{display:flex;gap:8px;align-items:flex-start;flex-wrap:wrap;margin:8px 0}
form.answer textarea{width:100%;min-height:90px;font:12.5px ui-monospace,monospace}
form.answer input[type=text]{flex:1;min-width:240px}
button{font:inherit;font-weight:600;border:1px solid #c9d2e0;background:#fff;border-radius:8px;padding:6px 14px;cursor:pointer}
button.primary{background:#2f9e5b;border-color:#2f9e5b;color:#fff}
.error{background:#fde8e8;border:1px solid #f5b5b5;border-radius:10px;padding:12px 16px}
.weeks a{margin-right:8px}
`;

/** One page of the review app: the digest's look, a navigation bar, and the body (already escaped). */
export function page(opts: { title: string; productName: string; section: Section; week: string | null; body: string }): string {
  const query = opts.week ? `?week=${encodeURIComponent(opts.week)}` : "";
  const nav = NAV.map((n) => `<a href="${e(n.path + query)}"${n.section === opts.section ? ` class="on"` : ""}>${e(n.label)}</a>`).join("");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${opts.title} — ${opts.productName}`)}</title>
<style>${DIGEST_CSS}${APP_CSS}</style>
</head>
<body>
<main>
<header><p class="eyebrow">${e(opts.productName)} · review</p><h1>${e(opts.title)}</h1></header>
<nav>${nav}</nav>
${opts.body}
</main>
</body>
</html>
`;
}
