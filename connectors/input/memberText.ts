const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/**
 * The source text of an object-valued member of a JSON object's top level (`properties` of an event
 * line, say), exactly as written, so that what JSON.parse made of it can be stored without being
 * serialized again: parsing the slice gives the same value. Null when the key is not there, its value
 * is not an object, or the text is unclear about which member JSON.parse kept (a key written with
 * escapes). `json` must be text JSON.parse accepted: it is not validated again.
 */
export function objectMemberText(json: string, key: string): string | null {
  const quoted = `"${key}"`;
  if (json.trimStart().charCodeAt(0) !== OPEN_BRACE) return null;
  let depth = 0;
  let keyNext = false;
  let found: string | null = null;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(json, i);
      if (end < 0) return null;
      if (depth === 1 && keyNext) {
        keyNext = false;
        // A key with escapes may be `key` spelled otherwise, and the last of duplicates wins: give up.
        for (let k = i + 1; k < end; k++) if (json.charCodeAt(k) === BACKSLASH) return null;
        if (end - i + 1 === quoted.length && json.startsWith(quoted, i)) {
          const start = valueStart(json, end + 1);
          if (json.charCodeAt(start) !== OPEN_BRACE) found = null;
          else {
            const close = containerEnd(json, start);
            if (close < 0) return null;
            found = json.slice(start, close + 1);
            i = close;
            continue;
          }
        }
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      keyNext = depth === 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (c === COMMA && depth === 1) keyNext = true;
  }
  return found;
}

/** The index of the quote closing the string that opens at `open`; -1 if none does. */
function stringEnd(json: string, open: number): number {
  for (let q = json.indexOf('"', open + 1); ; q = json.indexOf('"', q + 1)) {
    if (q < 0) return -1;
    let backslashes = 0;
    while (json.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
}

/** The index of the value after a key: past whitespace and the colon. */
function valueStart(json: string, from: number): number {
  let i = json.indexOf(":", from) + 1;
  while (i > 0 && json.charCodeAt(i) <= 32) i++;
  return i;
}

/** The index of the brace or bracket closing the object or array that opens at `open`; -1 if none does. */
function containerEnd(json: string, open: number): number {
  let depth = 0;
  for (let i = open; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(json, i);
      if (i < 0) return -1;
    }
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i;
  }
  return -1;
}
