import { describe, it, expect } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}/langgraph.json`, "utf8")) as { graphs: Record<string, string> };

describe("langgraph.json", () => {
  it("exports the six graphs of the loop", () => {
    expect(Object.keys(manifest.graphs).sort()).toEqual(["gatherer", "pm", "review", "skynet", "verify", "weekly"]);
  });

  for (const [name, spec] of Object.entries(manifest.graphs)) {
    it(`${name} resolves to a compiled graph named ${name}, with no checkpointer of its own`, async () => {
      const [file, exportName] = spec.split(":");
      expect(file && existsSync(`${ROOT}/${file}`)).toBe(true);
      const mod = (await import(pathToFileURL(`${ROOT}/${file}`).href)) as Record<string, unknown>;
      const graph = mod[exportName!] as { name: string; checkpointer?: unknown; getGraphAsync(): Promise<{ nodes: Record<string, unknown> }> };
      expect(graph.name).toBe(name);
      expect(graph.checkpointer).toBeFalsy();
      const drawn = await graph.getGraphAsync();
      expect(Object.keys(drawn.nodes).length).toBeGreaterThan(2);
    });
  }
});
