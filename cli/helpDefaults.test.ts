import { describe, it, expect } from "vitest";
import type { Command } from "commander";
import { buildProgram } from "./program.js";

/** Every command, the program's own options included. */
function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap(allCommands)];
}

describe("--help", () => {
  it("states each option's default once: commander's '(default: …)' and the description never both", () => {
    const twice: string[] = [];
    for (const command of allCommands(buildProgram())) {
      for (const option of command.options) {
        const commanderSaysIt = option.defaultValue !== undefined || option.defaultValueDescription !== undefined;
        if (commanderSaysIt && /\bdefault\b/i.test(option.description)) twice.push(`${command.name()} ${option.flags}: ${command.createHelp().optionDescription(option)}`);
      }
    }
    expect(twice).toEqual([]);
  });

  it("gives serve's real defaults: a free port, and 127.0.0.1", () => {
    const serve = buildProgram().commands.find((c) => c.name() === "serve")!;
    const help = serve.createHelp();
    const described = (flag: string) => help.optionDescription(serve.options.find((o) => o.long === flag)!);
    expect(described("--port")).toMatch(/\(default: a free one\)$/);
    expect(described("--host")).toMatch(/\(default: "127\.0\.0\.1"\)$/);
    expect(serve.opts()).toEqual({ port: 0, host: "127.0.0.1" });
  });
});
