/**
 * Untrusted text (session data, ticket text) as a delimited block for a model: the text cannot close
 * the block early, whatever tags it carries (spaced or cased differently included).
 */
export function untrustedBlock(tag: string, text: string): string {
  const marker = new RegExp(`<\\/?\\s*${tag.replace(/[-]/g, "\\-")}\\s*>`, "gi");
  return `<${tag}>\n${text.replace(marker, "[tag removed]")}\n</${tag}>`;
}
