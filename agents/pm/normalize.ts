/**
 * Message normalization for grouping, in the spirit of Sentry's: the variable parts of a message
 * (ids, numbers, uuids, hex, emails, URLs, durations, quoted values) become placeholders, so that
 * "timed out after 5000ms (run tr_8f3a)" and "timed out after 5000ms (run tr_19bc)" are one failure.
 */
const RULES: [RegExp, string][] = [
  // URLs first: an "@" in a URL (user info, a path like /@handle) is part of the URL, not an email.
  // A URL ends before a closing quote, bracket or sentence punctuation.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"<>]*[^\s"'<>).,;:]/gi, "<url>"],
  // RFC 5322 allows !#$%&'*+/=?^`{|}~ in the local part; real exports do carry them.
  [/[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+/g, "<email>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/"[^"]*"|'[^']*'|`[^`]*`/g, "<quoted>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b(?=[a-z0-9_-]*\d)[a-z]{1,12}[_-][a-z0-9]{2,}\b/gi, "<id>"],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, "<hex>"],
  [/\b\d+(\.\d+)?\s?(ms|s|sec|seconds|m|min|minutes|h|hours)\b/gi, "<duration>"],
  [/\b\d{1,2}(:\d{2})?\s?(am|pm)\b/gi, "<time>"],
  [/\b\d+(\.\d+)?\b/g, "<n>"],
];

/** An HTTP status after a word that introduces one ("failed with 403") is the failure's meaning, not a variable. */
const HTTP_STATUS = /\b(status|code|with|HTTP)\s+([1-5]\d\d)\b/gi;

export function normalizeMessage(message: string): string {
  return masked(message, false);
}

/**
 * A message as a title says it: normalized, but a quoted name from code ('config', "user.email") is
 * kept, since "reading 'config'" says which value was missing where "reading <quoted>" says nothing.
 * Grouping still masks it (normalizeMessage): the frames, not the name, decide the group.
 */
export function titleMessage(message: string): string {
  return masked(message, true);
}

const QUOTED_CODE_NAME = /^(["'`])[A-Za-z_$][\w$]{0,39}(\.[A-Za-z_$][\w$]{0,39}){0,3}\1$/;

function masked(message: string, keepCodeNames: boolean): string {
  let out = message.replace(HTTP_STATUS, (_m, word: string, status: string) => `${word} QQSTATUS${status}QQ`);
  const kept: string[] = [];
  if (keepCodeNames) out = out.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, (q) => (QUOTED_CODE_NAME.test(q) ? `QQKEPT${kept.push(q) - 1}QQ` : q));
  for (const [pattern, placeholder] of RULES) out = out.replace(pattern, placeholder);
  out = out.replace(/QQKEPT(\d+)QQ/g, (_m, i: string) => kept[Number(i)] ?? "<quoted>");
  return out.replace(/QQSTATUS(\d+)QQ/g, "$1").replace(/\s+/g, " ").trim();
}

/** The constant stretches of a message, longest first: what a codebase search can look for. */
export function constantParts(message: string): string[] {
  return normalizeMessage(message)
    .split(/<[a-z]+>/)
    .map((part) => part.replace(/^[\s:;,.()[\]{}-]+|[\s:;,.()[\]{}-]+$/g, ""))
    .filter((part) => part.length >= 8)
    .sort((a, b) => b.length - a.length);
}
