/**
 * Shortens text to at most `max` characters at a word boundary, with an ellipsis. A cut never leaves part
 * of a word: half an email address or token ("jane.doe@exa…") would escape the redaction that runs on the
 * cut text, so the partial word goes. Cut first, then redact (redaction placeholders are shorter than what
 * they replace, and redacting first could hide a secret's end from the rules).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.max(0, max - 1));
  const boundary = head.search(/\s\S*$/);
  return `${boundary > 0 ? head.slice(0, boundary).trimEnd() : ""}…`;
}
