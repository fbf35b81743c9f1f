// PostHog's `elements_chain`: the clicked element first, then its ancestors, joined by ";", each as
// tag.classes:attributes with the attributes sorted by name (attr__*, attr_id, href, nth-child, nth-of-type, text).

export interface Element {
  tag: string;
  classes?: string[];
  id?: string;
  text?: string;
  href?: string;
  nthChild?: number;
  nthOfType?: number;
  /** Other DOM attributes, without the attr__ prefix (data-testid, aria-label, type, ...). */
  attributes?: Record<string, string>;
}

const escape = (value: string): string => value.replaceAll("\\", "\\\\").replaceAll('"', '\\"');

function serialize(el: Element): string {
  const attributes: Record<string, string> = {
    "nth-child": String(el.nthChild ?? 1),
    "nth-of-type": String(el.nthOfType ?? 1),
  };
  if (el.text) attributes["text"] = el.text;
  if (el.href) {
    attributes["href"] = el.href;
    attributes["attr__href"] = el.href;
  }
  if (el.id) {
    attributes["attr_id"] = el.id;
    attributes["attr__id"] = el.id;
  }
  if (el.classes?.length) attributes["attr__class"] = el.classes.join(" ");
  for (const [key, value] of Object.entries(el.attributes ?? {})) attributes[`attr__${key}`] = value;
  const classes = [...(el.classes ?? [])].sort().map((c) => `.${c}`).join("");
  const pairs = Object.keys(attributes)
    .sort()
    .map((key) => `${key}="${escape(attributes[key] ?? "")}"`)
    .join("");
  return `${el.tag}${classes}:${pairs}`;
}

export function elementsChain(path: Element[]): string {
  return path.map(serialize).join(";");
}

/** A clickable control inside the app's usual layout (main > div.page > form or section). */
export function control(target: Element, container: Element = { tag: "div", classes: ["page-body"] }): Element[] {
  return [target, container, { tag: "main", id: "app-main", nthChild: 2 }, { tag: "div", id: "root" }, { tag: "body", nthChild: 2 }];
}

export const button = (text: string, attributes: Record<string, string> = {}, classes = ["btn"]): Element => ({ tag: "button", classes, text, attributes: { type: "button", ...attributes } });

export const link = (text: string, href: string, classes: string[] = []): Element => ({ tag: "a", classes, text, href });
