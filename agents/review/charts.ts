import { COLORS, escapeHtml } from "./html.js";

/** Inline SVG charts for the digest: no scripts, no external assets, every label escaped. */

export interface LinePoint {
  label: string;
  /** null is a gap: no line is drawn through it. */
  value: number | null;
  /** Extra text for the point's tooltip, e.g. "42 sessions". */
  note?: string;
}

export interface Bar {
  label: string;
  value: number;
  color: string;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const FONT = `font-family="system-ui, -apple-system, Segoe UI, sans-serif"`;

function svgOpen(f: Frame, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" width="100%" ` +
    `role="img" aria-label="${escapeHtml(title)}" ${FONT} font-size="12"><title>${escapeHtml(title)}</title>`
  );
}

function text(x: number, y: number, body: string, attrs = ""): string {
  return `<text x="${r(x)}" y="${r(y)}" ${attrs}>${escapeHtml(body)}</text>`;
}

/** Rounds coordinates so the markup stays short. */
function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * A line chart on a fixed scale (min..max, e.g. -100..100 for NPS) with a value label on each point.
 * Runs of known values are joined; a null value breaks the line and is marked "no data".
 */
export function lineChart(points: LinePoint[], opts: { title: string; min: number; max: number; ticks: number[]; width?: number; height?: number }): string {
  const f: Frame = { width: opts.width ?? 520, height: opts.height ?? 250, left: 44, right: 16, top: 22, bottom: 44 };
  const inset = 24; // keeps the first and last labels inside the picture
  const plotW = f.width - f.left - f.right;
  const plotH = f.height - f.top - f.bottom;
  const step = points.length > 1 ? (plotW - 2 * inset) / (points.length - 1) : 0;
  const xOf = (i: number): number => (points.length > 1 ? f.left + inset + i * step : f.left + plotW / 2);
  const yOf = (v: number): number => f.top + ((opts.max - Math.min(opts.max, Math.max(opts.min, v))) / (opts.max - opts.min)) * plotH;

  const parts: string[] = [svgOpen(f, opts.title)];
  for (const t of opts.ticks) {
    const y = yOf(t);
    const stroke = t === 0 ? COLORS.muted : COLORS.grid;
    parts.push(`<line x1="${f.left}" x2="${f.width - f.right}" y1="${r(y)}" y2="${r(y)}" stroke="${stroke}" stroke-width="1"/>`);
    parts.push(text(f.left - 6, y + 4, String(t), `text-anchor="end" fill="${COLORS.muted}"`));
  }
  const segments: string[][] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(`${r(xOf(i))},${r(yOf(p.value))}`);
  });
  if (current.length) segments.push(current);
  for (const seg of segments) {
    if (seg.length > 1) parts.push(`<polyline points="${seg.join(" ")}" fill="none" stroke="${COLORS.line}" stroke-width="2.5" stroke-linejoin="round"/>`);
  }
  points.forEach((p, i) => {
    const x = xOf(i);
    parts.push(text(x, f.top + plotH + 18, p.label, `text-anchor="middle" fill="${COLORS.muted}"`));
    if (p.value === null) {
      parts.push(`<line x1="${r(x)}" x2="${r(x)}" y1="${f.top}" y2="${f.top + plotH}" stroke="${COLORS.grid}" stroke-dasharray="3 4"/>`);
      parts.push(text(x, f.top + plotH + 32, "no data", `text-anchor="middle" fill="${COLORS.muted}" font-size="10" font-style="italic"`));
      return;
    }
    const y = yOf(p.value);
    const tip = `${p.label}: ${p.value}${p.note ? ` (${p.note})` : ""}`;
    parts.push(`<circle cx="${r(x)}" cy="${r(y)}" r="4" fill="${COLORS.line}"><title>${escapeHtml(tip)}</title></circle>`);
    const labelY = y < f.top + 14 ? y + 16 : y - 8;
    parts.push(text(x, labelY, String(p.value), `text-anchor="middle" fill="${COLORS.ink}" font-weight="600"`));
  });
  parts.push("</svg>");
  return parts.join("");
}

/** A vertical bar chart with the count above each bar and the label below. */
export function barChart(bars: Bar[], opts: { title: string; width?: number; height?: number }): string {
  const f: Frame = { width: opts.width ?? 520, height: opts.height ?? 240, left: 12, right: 12, top: 22, bottom: 34 };
  const plotW = f.width - f.left - f.right;
  const plotH = f.height - f.top - f.bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length ? plotW / bars.length : plotW;
  const barW = Math.max(2, slot * 0.72);

  const parts: string[] = [svgOpen(f, opts.title)];
  parts.push(`<line x1="${f.left}" x2="${f.width - f.right}" y1="${f.top + plotH}" y2="${f.top + plotH}" stroke="${COLORS.grid}"/>`);
  bars.forEach((b, i) => {
    const h = (b.value / max) * plotH;
    const x = f.left + i * slot + (slot - barW) / 2;
    const y = f.top + plotH - h;
    const cx = x + barW / 2;
    parts.push(
      `<rect x="${r(x)}" y="${r(y)}" width="${r(barW)}" height="${r(h)}" rx="2" fill="${escapeHtml(b.color)}">` +
        `<title>${escapeHtml(`${b.label}: ${b.value}`)}</title></rect>`,
    );
    parts.push(text(cx, y - 5, b.value.toLocaleString("en-US"), `text-anchor="middle" fill="${COLORS.ink}" font-size="11"`));
    parts.push(text(cx, f.height - 12, b.label, `text-anchor="middle" fill="${COLORS.muted}"`));
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Horizontal bars with the label on the left and the count on the right: good for a few categories. */
export function horizontalBars(bars: Bar[], opts: { title: string; width?: number }): string {
  const rowH = 26;
  const f: Frame = { width: opts.width ?? 520, height: Math.max(1, bars.length) * rowH + 8, left: 120, right: 56, top: 4, bottom: 4 };
  const plotW = f.width - f.left - f.right;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const parts: string[] = [svgOpen(f, opts.title)];
  bars.forEach((b, i) => {
    const y = f.top + i * rowH;
    const w = (b.value / max) * plotW;
    parts.push(text(f.left - 8, y + 17, b.label, `text-anchor="end" fill="${COLORS.ink}"`));
    parts.push(`<rect x="${f.left}" y="${y + 5}" width="${r(Math.max(w, b.value > 0 ? 2 : 0))}" height="16" rx="2" fill="${escapeHtml(b.color)}"/>`);
    parts.push(text(f.left + w + 6, y + 17, b.value.toLocaleString("en-US"), `fill="${COLORS.muted}"`));
  });
  parts.push("</svg>");
  return parts.join("");
}
