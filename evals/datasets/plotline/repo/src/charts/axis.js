// Axis ticks: round numbers that cover the plotted values, starting at zero or below.

/** A step of 1, 2 or 5 times a power of ten that cuts `span` into about `count` parts. */
export function niceStep(span, count) {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
  return nice * magnitude;
}

export function axisTicks(values, count = 5) {
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step) * step;
  const ticks = new Array(Math.ceil((max - first) / step) + 1);
  for (let i = 0; i < ticks.length; i++) ticks[i] = Math.round((first + i * step) * 1e6) / 1e6;
  return ticks;
}
