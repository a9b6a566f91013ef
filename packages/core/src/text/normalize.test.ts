import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";

const cases: Array<{ name: string; raw: string; text: string }> = [
  { name: "plain ASCII is unchanged", raw: "Talks resumed on Monday.", text: "Talks resumed on Monday." },
  { name: "CRLF becomes LF", raw: "Line one.\r\nLine two.", text: "Line one.\nLine two." },
  { name: "lone CR becomes LF", raw: "a\rb", text: "a\nb" },
  { name: "curly double quotes", raw: "\u201cYes,\u201d she said.", text: '"Yes," she said.' },
  { name: "curly apostrophe", raw: "Oman\u2019s envoy", text: "Oman's envoy" },
  { name: "backtick apostrophe after a letter", raw: "Jordan`s king", text: "Jordan's king" },
  { name: "backtick not after a letter is kept", raw: "a `b", text: "a `b" },
  { name: "guillemets", raw: "\u00abpeace\u00bb", text: '"peace"' },
  { name: "en and em dashes kept", raw: "A \u2013 B \u2014 C", text: "A \u2013 B \u2014 C" },
  { name: "figure dash to en dash, bar to em dash", raw: "1\u20122 x\u2015y", text: "1\u20132 x\u2014y" },
  { name: "hyphen variants to ASCII", raw: "cease\u2010fire \u22125", text: "cease-fire -5" },
  { name: "no-break and thin spaces", raw: "10\u00a0000 a\u2009b\u202fc", text: "10 000 a b c" },
  { name: "zero-width, soft hyphen and BOM removed", raw: "\ufeffne\u00adgo\u200btia\u200dtion", text: "negotiation" },
  { name: "control characters become spaces", raw: "a\u0000b\u0007c\td\n", text: "a b c\td\n" },
  { name: "C1 controls become spaces", raw: "a\u0093b", text: "a b" },
  { name: "NFC composes combining marks", raw: "Bo\u0308rge", text: "B\u00f6rge" },
  { name: "NFC on an already composed string", raw: "B\u00f8rge Brende", text: "B\u00f8rge Brende" },
  { name: "line separator", raw: "a\u2028b", text: "a\nb" },
];

describe("normalizeText", () => {
  it.each(cases)("$name", ({ raw, text }) => {
    const n = normalizeText(raw);
    expect(n.text).toBe(text);
    expect(n.toOriginal(0)).toBe(0);
    expect(n.toOriginal(n.text.length)).toBe(raw.length);
  });

  const offsetCases: Array<{ name: string; raw: string; at: number; orig: number }> = [
    { name: "after a removed CR", raw: "ab\r\ncd", at: 3, orig: 4 },
    { name: "the LF of CRLF maps to the LF", raw: "ab\r\ncd", at: 2, orig: 3 },
    { name: "after removed zero-width chars", raw: "x\u200b\u200by", at: 1, orig: 3 },
    { name: "composed char maps to its base", raw: "e\u0301tat", at: 0, orig: 0 },
    { name: "after a composed char", raw: "e\u0301tat", at: 1, orig: 2 },
  ];
  it.each(offsetCases)("offset: $name", ({ raw, at, orig }) => {
    expect(normalizeText(raw).toOriginal(at)).toBe(orig);
  });

  it("keeps the evidence slice for a sentence after rewritten characters", () => {
    const raw = "\u201cNo deal,\u201d he said.\r\nThe envoy left Doha.";
    const n = normalizeText(raw);
    const s = n.text.indexOf("The envoy");
    const e = n.text.length;
    expect(raw.slice(n.toOriginal(s), n.toOriginal(e))).toBe("The envoy left Doha.");
  });

  it("maps every offset monotonically and keeps unchanged characters (property)", () => {
    const alphabet = fc.constantFrom(
      "a",
      "B",
      " ",
      ".",
      "\n",
      "\r",
      "`",
      "\u2019",
      "\u201c",
      "\u2014",
      "\u2012",
      "\u00a0",
      "\u200b",
      "\ufeff",
      "\u00ad",
      "\u0301",
      "\u0308",
      "e",
      "\u1100",
      "\u1161",
      "\u11a8",
      "\u0000",
      "\u0085",
      "\ud83d\ude00",
      "\u0958",
    );
    const arb = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const n = normalizeText(raw);
        const t = n.text;
        // For an empty result 0 is also the end; otherwise 0 is pinned to 0 and the end to raw.length.
        if (t.length > 0) expect(n.toOriginal(0)).toBe(0);
        expect(n.toOriginal(t.length)).toBe(raw.length);
        let prev = 0;
        for (let i = 0; i <= t.length; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(raw.length);
          prev = o;
          // i = 0 is pinned to 0 even when leading characters were removed
          if (i < t.length && i > 0 && !n.rewritten(i)) expect(raw[o]).toBe(t[i]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("handles a long single line quickly", () => {
    const raw = `${"word \u2019 ".repeat(200_000)}\u200b`;
    const n = normalizeText(raw);
    expect(n.toOriginal(n.text.length)).toBe(raw.length);
  });
});
