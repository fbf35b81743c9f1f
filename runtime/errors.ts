/** Base of every error selfheal reports to a user; carries the exit code the CLI uses. */
export class SelfhealError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command was called wrongly (flags, arguments). Exit code 2. */
export class UsageError extends SelfhealError {
  override readonly exitCode = 2;
}

/** An input file or setting is wrong; says which file, line and key. Exit code 2. */
export class InputError extends SelfhealError {
  override readonly exitCode = 2;
  constructor(
    message: string,
    readonly where: Where = {},
    options?: ErrorOptions,
  ) {
    super(`${formatWhere(where)}${message}`, options);
  }
}

/** A stage's input is not there yet (triage before gather): exit 1, saying what to run first. */
export class NotReadyError extends SelfhealError {}

/** Where bad input is: `element` is a JSON array's element number, which is not a line. */
export interface Where {
  file?: string;
  line?: number;
  element?: number;
  key?: string;
}

function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.line ? `${where.file}:${where.line}` : where.element ? `${where.file}, element ${where.element}` : where.file);
  if (where.key) parts.push(`key "${where.key}"`);
  return parts.length ? `${parts.join(", ")}: ` : "";
}
