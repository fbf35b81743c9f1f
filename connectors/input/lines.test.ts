import { expect, it } from "vitest";
import { LineSplitter } from "./lines.js";

function linesOf(chunks: string[]): string[] {
  const splitter = new LineSplitter();
  return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
}

it("cuts lines at \\n, \\r\\n and a lone \\r, keeps empty lines (they are numbered), and the last line without a break", () => {
  expect(linesOf(["a\nb\r\nc\rd\n\ne"])).toEqual(["a", "b", "c", "d", "", "e"]);
  expect(linesOf(["a\n"])).toEqual(["a"]);
  expect(linesOf([""])).toEqual([]);
  expect(linesOf(["\r\r\n\n"])).toEqual(["", "", ""]);
});

it("reads the same whatever the chunks: a line, or a \\r\\n, split across them", () => {
  const text = "first line\r\nsecond\rthird\n\nfourth {\"é\":\"中\"}\r\nlast";
  const whole = linesOf([text]);
  expect(whole).toEqual(["first line", "second", "third", "", 'fourth {"é":"中"}', "last"]);
  for (let cut = 0; cut <= text.length; cut++) expect(linesOf([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  expect(linesOf([...text])).toEqual(whole);
});

it("reads a line far longer than a chunk in time proportional to its length: only new chunks are searched", () => {
  const splitter = new LineSplitter();
  const chunk = "{".repeat(16 * 1024);
  // 64 MB in 16 KB chunks: searching (or flattening) all that is pending at every chunk would be ~130 GB of work.
  for (let i = 0; i < 4096; i++) expect(splitter.push(chunk)).toEqual([]);
  const [line, ...more] = splitter.push("}\nnext");
  expect(line?.length).toBe(64 * 1024 * 1024 + 1);
  expect(more).toEqual([]);
  expect(splitter.end()).toEqual(["next"]);
});
