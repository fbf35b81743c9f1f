// The signature pad of the signing page: strokes drawn on a canvas, then sent as an image.
export function attachPad(canvas, onStroke) {
  let stroke = null;
  const point = (event) => ({ x: event.offsetX, y: event.offsetY, t: event.timeStamp });
  canvas.addEventListener("mousedown", (event) => {
    stroke = [point(event)];
  });
  canvas.addEventListener("mousemove", (event) => {
    if (stroke) stroke.push(point(event));
  });
  canvas.addEventListener("mouseup", () => {
    if (stroke && stroke.length > 1) onStroke(stroke);
    stroke = null;
  });
}

export function isSigned(strokes) {
  return strokes.reduce((n, s) => n + s.length, 0) >= 8;
}
