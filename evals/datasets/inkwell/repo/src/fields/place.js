// Placing fields: the editor shows the pages stacked with a gap; a drop point is turned into a page and
// a position on it, in PDF points.
export const GAP = 16;

/** The page under a y offset (in screen pixels) of the stacked pages, and y within that page. */
export function pageAt(pages, y, scale) {
  let top = 0;
  for (let i = 0; i < pages.length; i++) {
    const height = pages[i].height * scale;
    if (y < top + height) return { index: i, y: (y - top) / scale };
    top += height + GAP;
  }
  return { index: pages.length, y: (y - top) / scale };
}

export function placeField(document, drop, kind) {
  const at = pageAt(document.pages, drop.y, drop.scale);
  return { kind, page: at.index + 1, x: drop.x / drop.scale, y: document.pages[at.index].height - at.y };
}
