// The template editor's live preview: {{ path.to.value }} and {{ value | default: "fallback" }}, HTML-escaped.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

function lookup(data, path) {
  return path.split(".").reduce((value, key) => (value === null || value === undefined ? undefined : value[key]), data);
}

export function renderTemplate(source, data) {
  return source.replace(/\{\{([^}]+)\}\}/g, (_, expression) => {
    const [path, filter] = expression.split("|").map((part) => part.trim());
    const value = lookup(data, path);
    if (value !== undefined && value !== null && value !== "") return escapeHtml(value);
    if (!filter) return "";
    return escapeHtml(/^default:\s*"(.*)"$/.exec(filter)[1]);
  });
}

/** The variables a template uses, for the "test data" panel. */
export function variablesOf(source) {
  return [...new Set([...source.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]))];
}
