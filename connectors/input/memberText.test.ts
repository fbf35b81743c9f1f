import { describe, it, expect } from "vitest";
import { objectMemberText } from "./memberText.js";
import { seededRandom } from "../../testing/faultPlan.js";

/** A random JSON value: strings with quotes, backslashes, braces and escapes, numbers, nesting. */
function value(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.35) {
    const texts = ['plain', 'a "quoted" word', 'back\\slash\\', '{"properties":{}}', '], }, [', 'é ü \u2028 \u0001', '\\"', 'properties'];
    return texts[Math.floor(random() * texts.length)];
  }
  if (pick < 0.5) return Math.round((random() - 0.5) * 1e6) / 100;
  if (pick < 0.55) return random() < 0.5 ? null : random() < 0.5;
  if (pick < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(random, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 5); i > 0; i--) o[random() < 0.2 ? "properties" : `k${Math.floor(random() * 50)}`] = value(random, depth + 1);
  return o;
}

/** JSON text with whitespace between tokens, as some exporters write it. */
function spaced(text: string, random: () => number): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += c;
    if (c === '"' && !isEscaped(text, i)) inString = !inString;
    if (!inString && ",:{[".includes(c) && random() < 0.5) out += random() < 0.5 ? " " : "\t ";
  }
  return out;
}
const isEscaped = (text: string, i: number) => {
  let n = 0;
  while (text[i - 1 - n] === "\\") n++;
  return n % 2 === 1;
};

describe("the source text of an event line's properties", () => {
  it("parses to exactly what JSON.parse made of the line's properties, for random lines with tricky strings, nesting and spacing", () => {
    const random = seededRandom(7);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const line: Record<string, unknown> = { uuid: `u${i}` };
      if (random() < 0.5) line["before"] = value(random, 1);
      line["properties"] = value(random, 0);
      if (random() < 0.5) line["person_properties"] = { properties: value(random, 1) };
      const text = random() < 0.5 ? spaced(JSON.stringify(line), random) : JSON.stringify(line);
      const parsed = JSON.parse(text) as { properties: unknown };
      const member = objectMemberText(text, "properties");
      const isObject = typeof parsed.properties === "object" && parsed.properties !== null && !Array.isArray(parsed.properties);
      if (!isObject) {
        expect(member, text).toBeNull();
        continue;
      }
      found++;
      expect(member, text).not.toBeNull();
      expect(JSON.parse(member!), text).toEqual(parsed.properties);
      expect(text).toContain(member);
    }
    expect(found).toBeGreaterThan(500);
  });

  it("takes the last of repeated keys, as JSON.parse does, and gives up on a key written with escapes", () => {
    expect(objectMemberText('{"properties":{"a":1},"x":2,"properties":{"b":2}}', "properties")).toBe('{"b":2}');
    expect(objectMemberText('{"properties":{"a":1},"properties":"text"}', "properties")).toBeNull();
    expect(objectMemberText('{"properties":{"a":1},"propertie\\u0073":{"b":2}}', "properties")).toBeNull();
    expect(objectMemberText('{"a":"\\"properties\\":{\\"x\\":1}","properties" :  {"b":"}"} }', "properties")).toBe('{"b":"}"}');
  });

  it("finds none where there is none: absent, nested only, or not an object at the top", () => {
    expect(objectMemberText('{"uuid":"1"}', "properties")).toBeNull();
    expect(objectMemberText('{"person":{"properties":{"a":1}}}', "properties")).toBeNull();
    expect(objectMemberText('["properties",{"a":1}]', "properties")).toBeNull();
    expect(objectMemberText('{"properties":[1,2]}', "properties")).toBeNull();
  });
});
