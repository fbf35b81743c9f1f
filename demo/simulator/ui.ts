// The Acme UI elements users click, as PostHog `$elements_chain` strings
// (clicked element first, then its ancestors), mirroring demo/app/src/pages.

export interface UiElement {
  text: string;
  chain: string;
}

interface Node {
  tag: string;
  classes?: string[];
  id?: string;
  text?: string;
  nth?: number;
  attrs?: Record<string, string>;
}

function node(n: Node): string {
  const classes = n.classes ?? [];
  let out = n.tag + classes.map((c) => `.${c}`).join("") + ":";
  if (classes.length > 0) out += `attr__class="${classes.join(" ")}"`;
  if (n.id) out += `attr__id="${n.id}"`;
  for (const [key, value] of Object.entries(n.attrs ?? {})) out += `attr__${key}="${value}"`;
  if (n.id) out += `attr_id="${n.id}"`;
  out += `nth-child="${n.nth ?? 1}"nth-of-type="${n.nth ?? 1}"`;
  if (n.text) out += `text="${n.text}"`;
  return out;
}

function element(text: string, ...path: Node[]): UiElement {
  return { text, chain: [...path, { tag: "main" }, { tag: "body" }].map(node).join(";") };
}

const button = (text: string, extra: Partial<Node> = {}): Node => ({ tag: "button", classes: ["btn"], text, ...extra });
const primary = (text: string, extra: Partial<Node> = {}): Node => button(text, { classes: ["btn", "btn-primary"], ...extra });

export const UI = {
  newWorkflow: element("New workflow", primary("New workflow", { id: "new-workflow", nth: 2 })),
  addStep: element("Add step", button("Add step", { id: "add-step" }), { tag: "div", classes: ["toolbar"], nth: 3 }),
  testRun: element("Test run", button("Test run", { id: "test-run", nth: 2 }), { tag: "div", classes: ["toolbar"], nth: 3 }),
  /** The greyed-out label in the editor toolbar: it looks like a button but does nothing. */
  editorPublish: element(
    "Publish",
    { tag: "span", classes: ["toolbar-item", "is-disabled"], text: "Publish", nth: 3 },
    { tag: "div", classes: ["toolbar"], nth: 3 },
  ),
  settingsPublish: element(
    "Publish",
    primary("Publish", { attrs: { type: "submit" } }),
    { tag: "form", attrs: { method: "post" } },
    { tag: "section", classes: ["danger-zone"], nth: 5 },
  ),
  tab: (label: "Editor" | "Settings" | "Runs"): UiElement =>
    element(label, { tag: "a", classes: ["tab"], text: label, nth: label === "Editor" ? 1 : label === "Settings" ? 2 : 3, attrs: { href: "#" } }, { tag: "div", classes: ["tabs"], nth: 2 }),
  nav: (label: string, nth: number): UiElement =>
    element(label, { tag: "a", classes: ["nav-link"], text: label, nth }, { tag: "nav", classes: ["topnav"] }),
  connectHubSpot: element("Connect HubSpot", { tag: "a", classes: ["btn", "btn-primary"], text: "Connect HubSpot", nth: 2 }, { tag: "div", classes: ["card"] }),
  connectSlack: element("Connect Slack", button("Connect Slack", { attrs: { "data-provider": "slack" }, nth: 2 }), { tag: "div", classes: ["card"], nth: 2 }),
  syncCompanies: element("", { tag: "input", attrs: { type: "checkbox", name: "syncCompanies" } }, { tag: "label", nth: 3 }, { tag: "form", id: "hubspot-setup" }),
  finishSetup: element("Finish setup", primary("Finish setup", { attrs: { type: "submit" }, nth: 4 }), { tag: "form", id: "hubspot-setup" }),
  runTool: (tool: string, nth: number): UiElement =>
    element("Run tool", primary("Run tool", { nth: 3 }), { tag: "div", classes: ["card"], attrs: { "data-tool": tool }, nth }),
  importButton: element("Import", primary("Import", { attrs: { type: "submit" }, nth: 2 }), { tag: "form", id: "csv-import" }),
  chooseFile: element("", { tag: "input", attrs: { type: "file", name: "file" } }, { tag: "form", id: "csv-import" }),
  workflowLink: (name: string, nth: number): UiElement =>
    element(name, { tag: "a", text: name, nth, attrs: { href: "#" } }, { tag: "li", nth }, { tag: "ul", nth: 3 }),
  helpSearch: element("Search", button("Search", { nth: 2 }), { tag: "form" }),
  startFree: element("Start free", { tag: "a", classes: ["btn", "btn-primary"], text: "Start free" }, { tag: "section", classes: ["hero"] }),
};

export const NAV = {
  workflows: UI.nav("Workflows", 1),
  integrations: UI.nav("Integrations", 2),
  tools: UI.nav("Tools", 3),
  import: UI.nav("Import", 4),
  help: UI.nav("Help", 5),
};
