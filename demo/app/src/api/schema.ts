// A hand-written response-schema check: every JSON API response is validated
// against its declared shape before it leaves the server, so clients can trust it.

export type Schema =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "object"; fields: Record<string, Schema> }
  /** Any JSON object, e.g. free-form step configuration. */
  | { kind: "record" }
  | { kind: "array"; items: Schema };

export const s = {
  string: { kind: "string" } as Schema,
  number: { kind: "number" } as Schema,
  boolean: { kind: "boolean" } as Schema,
  record: { kind: "record" } as Schema,
  enum: (values: readonly string[]): Schema => ({ kind: "enum", values }),
  object: (fields: Record<string, Schema>): Schema => ({ kind: "object", fields }),
  array: (items: Schema): Schema => ({ kind: "array", items }),
};

export class SchemaValidationError extends Error {
  override name = "SchemaValidationError";
  constructor(
    readonly route: string,
    readonly issue: string,
  ) {
    super(`${route} response failed schema: ${issue}`);
  }
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeOf(value) === "object";
}

/** The first mismatch as "path expected X, got Y", or null when the value fits. */
export function check(schema: Schema, value: unknown, path = "$"): string | null {
  const at = (key: string | number): string =>
    typeof key === "number" ? `${path}[${key}]` : path === "$" ? key : `${path}.${key}`;
  switch (schema.kind) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === schema.kind ? null : `${path} expected ${schema.kind}, got ${typeOf(value)}`;
    case "enum":
      return typeof value === "string" && schema.values.includes(value)
        ? null
        : `${path} expected one of ${schema.values.join("|")}, got ${JSON.stringify(value)}`;
    case "record":
      return isPlainObject(value) ? null : `${path} expected object, got ${typeOf(value)}`;
    case "array": {
      if (!Array.isArray(value)) return `${path} expected array, got ${typeOf(value)}`;
      for (const [i, item] of value.entries()) {
        const issue = check(schema.items, item, at(i));
        if (issue) return issue;
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return `${path} expected object, got ${typeOf(value)}`;
      for (const [key, field] of Object.entries(schema.fields)) {
        const issue = check(field, value[key], at(key));
        if (issue) return issue;
      }
      return null;
    }
  }
}

export function assertResponse(route: string, schema: Schema, body: unknown): void {
  const issue = check(schema, body);
  if (issue) {
    throw new SchemaValidationError(route, issue);
  }
}
