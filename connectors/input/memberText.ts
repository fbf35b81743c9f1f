const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
/** What ends a number, true, false or null: the next member, the object's end, or whitespace. */
const LITERAL_ENDS = new Set([COMMA, CLOSE_BRACE, CLOSE_BRACKET, 32, 9, 10, 13]);

/**
 * The source text of an object-valued member of a JSON object's top level (`properties` of an event
 * line, say), exactly as written, so that what JSON.parse made of it can be stored without being
 * serialized again: parsing the slice gives the same value. Null when the key is not there, its value
 * is not an object, or the text is unclear about which member JSON.parse kept (a key written with
 * escapes). `json` must be text JSON.parse accepted: it is not validated again.
 */
export function objectMemberText(json: string, key: string): string | null {
  const quoted = `"${key}"`;
  let i = skipSpace(json, 0);
  if (json.charCodeAt(i) !== OPEN_BRACE) return null;
  let found: string | null = null;
  // Member by member along the top level: each value is skipped whole, so nothing nested is taken for a key.
  for (i = skipSpace(json, i + 1); json.charCodeAt(i) === QUOTE; i = skipSpace(json, i + 1)) {
    const keyEnd = stringEnd(json, i);
    if (keyEnd < 0) return null;
    // A key with escapes may be `key` spelled otherwise, and the last of duplicates wins: give up.
    for (let k = i + 1; k < keyEnd; k++) if (json.charCodeAt(k) === BACKSLASH) return null;
    const start = valueStart(json, keyEnd + 1);
    const end = valueEnd(json, start);
    if (end < 0) return null;
    if (keyEnd - i + 1 === quoted.length && json.startsWith(quoted, i)) found = json.charCodeAt(start) === OPEN_BRACE ? json.slice(start, end + 1) : null;
    i = skipSpace(json, end + 1);
    if (json.charCodeAt(i) !== COMMA) break;
  }
  return found;
}

/** The first index from `from` that is not JSON whitespace (nor a control character). */
function skipSpace(json: string, from: number): number {
  let i = from;
  while (json.charCodeAt(i) <= 32) i++;
  return i;
}

/** The index of a value's last character: a string's closing quote, a container's closing bracket, a literal's end; -1 if the text ends first. */
function valueEnd(json: string, start: number): number {
  const c = json.charCodeAt(start);
  if (c === QUOTE) return stringEnd(json, start);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(json, start);
  let i = start;
  while (i < json.length && !LITERAL_ENDS.has(json.charCodeAt(i))) i++;
  return i > start ? i - 1 : -1;
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
  const colon = json.indexOf(":", from);
  return colon < 0 ? json.length : skipSpace(json, colon + 1);
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
