import pc from "picocolors";
import { scrubSecrets } from "../runtime/scrubSecrets.js";

/**
 * The CLI's two channels: with --json, the machine-readable result alone on stdout and everything
 * human on stderr; without it, human output on stdout. Credentials are scrubbed from both: a reason or
 * an error an outside service wrote may quote the request it refused.
 */
export class Output {
  constructor(readonly json: boolean) {}

  /** A line for people. */
  say(line = ""): void {
    (this.json ? process.stderr : process.stdout).write(`${scrubSecrets(line)}\n`);
  }

  /** Progress: always stderr, so it never mixes with results. */
  progress(line: string): void {
    process.stderr.write(`${pc.dim(scrubSecrets(line))}\n`);
  }

  /** The command's result: JSON on stdout with --json; otherwise the human renderer runs. */
  async result<T>(value: T, human: (value: T) => void | Promise<void>): Promise<void> {
    if (this.json) process.stdout.write(`${scrubSecrets(JSON.stringify(value, null, 2))}\n`);
    else await human(value);
  }

  heading(text: string): void {
    this.say(pc.bold(text));
  }
}
