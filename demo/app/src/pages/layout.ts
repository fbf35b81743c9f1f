// Shared HTML shell for the server-rendered pages.
import { html, type AppResponse } from "../http.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NAV = [
  ["/app/workflows", "Workflows"],
  ["/app/integrations", "Integrations"],
  ["/app/tools", "Tools"],
  ["/app/import", "Import"],
  ["/help", "Help"],
] as const;

export function page(title: string, body: string): AppResponse {
  const nav = NAV.map(([href, label]) => `<a class="nav-link" href="${href}">${label}</a>`).join("");
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Acme</title>` +
      `<link rel="stylesheet" href="/static/app.css"></head>` +
      `<body><nav class="topnav">${nav}</nav><main>${body}</main></body></html>`,
  );
}
