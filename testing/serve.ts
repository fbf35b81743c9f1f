import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/selfheal.js", import.meta.url));

export interface ServingApp {
  child: ChildProcess;
  /** The first line `selfheal serve` printed: its URL with the token. */
  url: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  log(): string;
}

/** Starts the real `selfheal <args> serve <serveArgs>` and resolves once it printed its URL. */
export function startServe(args: string[], serveArgs: string[] = []): Promise<ServingApp> {
  const child = spawn(process.execPath, [BIN, ...args, "serve", ...serveArgs], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  const log = () => `${stdout}\n${stderr}`.slice(-3000);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split("\n");
      if (lines.length > 1) resolve({ child, url: lines[0] ?? "", exited, log });
    });
    void exited.then((code) => reject(new Error(`selfheal serve exited with ${code} before printing its URL: ${log()}`)));
  });
}
