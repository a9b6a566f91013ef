import { describe, expect, it } from "vitest";
import { isPossessive, tokenize } from "./tokens";

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it.each([
    ["Sweden's envoy arrived.", ["Sweden", "'s", "envoy", "arrived", "."]],
    ["Egypt's mediators", ["Egypt", "'s", "mediators"]],
    ["Norway’s offer", ["Norway", "’s", "offer"]],
    ["the U.S. envoy", ["the", "U.S.", "envoy"]],
    ["the U.N. agency", ["the", "U.N.", "agency"]],
    ["the Israel-Hezbollah front", ["the", "Israel", "-", "Hezbollah", "front"]],
    ["a US-led coalition", ["a", "US", "-", "led", "coalition"]],
    ["President al-Sisi spoke", ["President", "al-Sisi", "spoke"]],
    ["a long-term truce", ["a", "long-term", "truce"]],
    ["about 1,200 detainees", ["about", "1,200", "detainees"]],
    ["a 3.5 percent rise", ["a", "3.5", "percent", "rise"]],
    ["the rebels' demands", ["the", "rebels", "'", "demands"]],
    ["", []],
    ["   \n\t ", []],
  ])("%j → %j", (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it.each([
    "Sweden's envoy met U.S. officials in Oslo-based talks on 4,500 detainees.",
    "Émile Durand’s team — «quietly» — reached the Nile; 12:30 talks resumed!",
    "Ünlü, al-Rahman and O'Brien signed at 3 a.m. ",
    "emoji 👍🏽 and combining e\u0301 marks",
  ])("every token's offsets slice back to its text: %j", (input) => {
    const tokens = tokenize(input);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(input.slice(t.start, t.end)).toBe(t.text);
      expect(t.lower).toBe(t.text.toLowerCase());
    }
    // Offsets are strictly increasing and do not overlap.
    for (let k = 1; k < tokens.length; k++) expect(tokens[k]!.start).toBeGreaterThanOrEqual(tokens[k - 1]!.end);
  });

  it("offsets are absolute when tokenizing a sub-range", () => {
    const text = "First part. Second part with Denmark's envoy.";
    const from = text.indexOf("Second");
    const tokens = tokenize(text, from, text.length);
    expect(tokens[0]).toMatchObject({ text: "Second", start: from });
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ["Oslo", "word", true],
    ["oslo", "word", false],
    ["1,200", "number", false],
    [";", "punct", false],
  ] as const)("%j is a %s token (cap %s)", (input, kind, cap) => {
    const [t] = tokenize(input);
    expect(t).toMatchObject({ kind, cap });
  });

  it.each([
    ["Finland's", 1, true],
    ["the rebels' demands", 2, true],
    ["the envoy said", 1, false],
  ] as const)("isPossessive on %j token %i is %s", (input, index, expected) => {
    expect(isPossessive(tokenize(input)[index])).toBe(expected);
  });

  it("isPossessive is false past the end", () => {
    expect(isPossessive(undefined)).toBe(false);
  });
});
