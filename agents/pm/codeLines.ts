/**
 * Just enough reading of source lines to follow a value back to where it is computed, without a parser
 * per language: identifiers, string literals, definitions and assignments of C-like code (JavaScript,
 * TypeScript) with Python's `def` and `name =` beside them. A miss here costs a location, never a wrong one
 * that does not exist: every line named is a real line of a real file.
 */

const KEYWORDS = new Set(
  (
    "if else return const let var function async await new throw try catch finally for while do switch case break continue " +
    "typeof instanceof in of void delete this super class extends import export from default as type interface null undefined " +
    "true false def elif not and or is None True False self lambda pass raise with yield static public private protected readonly"
  ).split(" "),
);

/** A line's code with comments removed and string contents blanked; template `${...}` expressions stay code. */
export function codeOf(line: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (quote === "`" && c === "$" && line[i + 1] === "{") {
        const end = line.indexOf("}", i);
        out += ` ${line.slice(i + 2, end < 0 ? line.length : end)} `;
        i = end < 0 ? line.length : end;
      } else if (c === quote) {
        out += c;
        quote = null;
      }
      continue;
    }
    if (c === "/" && line[i + 1] === "/") break;
    if (c === "#" && /^\s*#/.test(line)) break;
    if (c === '"' || c === "'" || c === "`") quote = c;
    out += c;
  }
  return out;
}

/** The string literals of a line, in order; a template's up to its first `${`. */
export function literalsOf(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? (m[3] ?? "").split("${")[0] ?? "");
}

export interface Identifier {
  name: string;
  /** Followed by `(`: called here. */
  called: boolean;
}

/** Identifiers a line reads: not keywords, not properties after `.`, not a class after `new`. */
export function identifiersOf(code: string): Identifier[] {
  const out: Identifier[] = [];
  for (const m of code.matchAll(/(\.\s*|\bnew\s+)?\b([A-Za-z_$][\w$]*)\b(\s*\()?/g)) {
    const name = m[2]!;
    if (m[1] || KEYWORDS.has(name) || /^\d/.test(name)) continue;
    if (!out.some((o) => o.name === name)) out.push({ name, called: Boolean(m[3]) });
  }
  return out;
}

export function isCommentLine(line: string): boolean {
  return /^\s*(\/\/|\/?\*|#)/.test(line);
}

export function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

const esc = (name: string): string => name.replace(/\$/g, "\\$");

/** The 0-based line where `name` is defined as a function, or -1. */
export function functionDefinition(lines: string[], name: string): number {
  const n = esc(name);
  const forms = [
    new RegExp(`^\\s*(export\\s+)?(default\\s+)?(async\\s+)?function\\s*\\*?\\s*${n}\\s*[(<]`),
    new RegExp(`^\\s*(export\\s+)?(const|let|var)\\s+${n}\\s*(:[^=]+)?=\\s*(async\\s+)?(function\\b|\\([^)]*\\)\\s*(:[^=]+)?=>|[\\w$]+\\s*=>)`),
    new RegExp(`^\\s*(async\\s+)?def\\s+${n}\\s*\\(`),
  ];
  return lines.findIndex((l) => forms.some((f) => f.test(l)));
}

/** The 0-based line of the nearest assignment of `name` at or above `before`, else anywhere at module level; -1 when none. */
export function assignment(lines: string[], name: string, before: number): number {
  const n = esc(name);
  const forms = [
    new RegExp(`\\b(const|let|var)\\s+${n}\\b\\s*(:[^=]+)?=(?!=)`),
    new RegExp(`\\b(const|let|var)\\s*[{[][^}\\]]*\\b${n}\\b[^}\\]]*[}\\]]\\s*=(?!=)`),
    new RegExp(`^\\s*${n}\\s*=(?!=)`),
  ];
  const matches = (l: string): boolean => forms.some((f) => f.test(codeOf(l)));
  for (let i = Math.min(before, lines.length - 1); i >= 0; i--) if (matches(lines[i]!)) return i;
  return lines.findIndex((l, i) => i > before && indentOf(l) === 0 && matches(l));
}

/** Whether a 0-based line's assignment is at module level: a constant of the file, not a local. */
export function isModuleLevel(lines: string[], at: number): boolean {
  return indentOf(lines[at] ?? "") === 0;
}

/** A statement from its first line: following lines join while brackets stay open (at most `max`). */
export function statementAt(lines: string[], at: number, max = 8): string {
  let text = "";
  let depth = 0;
  for (let i = at; i < lines.length && i < at + max; i++) {
    const code = codeOf(lines[i]!);
    text += ` ${code}`;
    for (const c of code) depth += "([{".includes(c) ? 1 : ")]}".includes(c) ? -1 : 0;
    if (depth <= 0) break;
  }
  return text;
}

/** The last line (0-based) of the body that opens at `at`, by braces, or by indentation for Python. */
export function bodyEnd(lines: string[], at: number): number {
  if (/:\s*$/.test(codeOf(lines[at] ?? "").trimEnd()) && !/\{/.test(codeOf(lines[at] ?? ""))) {
    const indent = indentOf(lines[at]!);
    let end = at;
    for (let i = at + 1; i < lines.length; i++) {
      if (!lines[i]!.trim()) continue;
      if (indentOf(lines[i]!) <= indent) break;
      end = i;
    }
    return end;
  }
  let depth = 0;
  let opened = false;
  for (let i = at; i < lines.length; i++) {
    for (const c of codeOf(lines[i]!)) {
      if (c === "{") [depth, opened] = [depth + 1, true];
      else if (c === "}") depth--;
    }
    if (opened && depth <= 0) return i;
    if (!opened && i > at && !/[,(=>]\s*$/.test(lines[i - 1]!.trimEnd())) return at;
  }
  return at;
}

/** Where a function computes its value: its last `return` line (0-based), else its first line. */
export function returnLine(lines: string[], definition: number): number {
  const end = bodyEnd(lines, definition);
  for (let i = end; i > definition; i--) if (/^\s*return\b/.test(lines[i]!)) return i;
  return definition;
}

/** The 0-based line of the `if` whose block holds `at`, or -1: the condition that let the failure happen. */
export function enclosingGuard(lines: string[], at: number): number {
  const indent = indentOf(lines[at] ?? "");
  for (let i = at - 1; i >= 0 && i >= at - 30; i--) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (indentOf(line) < indent) return /^\s*(\}\s*)?(else\s+)?(if|elif|unless)\b/.test(line) ? i : -1;
  }
  return -1;
}

/** The words of an identifier: `HUBSPOT_SCOPES` and `hubspotScopes` are hubspot, scopes. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** The import of `name` in a file: the module it comes from (as written), or null. */
export function importedFrom(lines: string[], name: string): string | null {
  const n = esc(name);
  const forms = [
    new RegExp(`^\\s*import\\s+(type\\s+)?(\\w+\\s*,\\s*)?\\{[^}]*\\b${n}\\b[^}]*\\}\\s*from\\s*["']([^"']+)["']`),
    new RegExp(`^\\s*import\\s+${n}\\s+from\\s*["']([^"']+)["']`),
    new RegExp(`\\b(const|let|var)\\s*\\{[^}]*\\b${n}\\b[^}]*\\}\\s*=\\s*require\\(\\s*["']([^"']+)["']`),
    new RegExp(`^\\s*from\\s+(\\.[\\w.]*)\\s+import\\s+.*\\b${n}\\b`),
  ];
  for (const line of lines) {
    for (const form of forms) {
      const m = form.exec(line);
      if (m) return m[m.length - 1] ?? null;
    }
  }
  return null;
}
