import { describe, expect, it } from "vitest";
import { findNumbers } from "./numbers";

type Row = [string, Array<[string, number, string]>];
const rows: Row[] = [
  ["Roughly 3,450 people left.", [["3,450", 3450, "about"]]],
  ["Some 4.7 million residents stayed.", [["4.7 million", 4_700_000, "about"]]],
  ["At least a million people moved.", [["a million", 1_000_000, "at_least"]]],
  ["Half a million fled.", [["Half a million", 500_000, "exact"]]],
  ["Seventy-two hostages remain.", [["Seventy-two", 72, "exact"]]],
  ["Nearly two hundred trucks waited.", [["two hundred", 200, "nearly"]]],
  ["Up to three thousand troops.", [["three thousand", 3000, "up_to"]]],
  ["\u0664\u0665\u0660 people", [["\u0664\u0665\u0660", 450, "exact"]]],
  ["a 9-member panel", [["9", 9, "exact"]]],
  ["More than 41 died.", [["41", 41, "more_than"]]],
  ["No fewer than 12 arrived.", [["12", 12, "at_least"]]],
  ["As many as 300 fled.", [["300", 300, "up_to"]]],
  ["Close to 90 were hurt.", [["90", 90, "nearly"]]],
  ["In excess of 5,000 left.", [["5,000", 5000, "more_than"]]],
  ["An estimated 700 died.", [["700", 700, "about"]]],
  [
    "Between 150 and 400 soldiers",
    [
      ["150", 150, "at_least"],
      ["400", 400, "up_to"],
    ],
  ],
  ["1e309 is not a number here", [["1", 1, "exact"]]],
  ["Flight IL-62 and F16", []],
];

describe("findNumbers", () => {
  it.each(rows)("%s", (text, want) => {
    const got = findNumbers(text, 0, text.length).map((n) => [n.raw, n.value, n.qualifier]);
    expect(got).toEqual(want);
  });

  it("flags ordinals", () => {
    const t = "the 12th exchange on the third day and the twenty-first round";
    const got = findNumbers(t, 0, t.length).map((n) => [n.raw, n.value, n.ordinal]);
    expect(got).toEqual([
      ["12th", 12, true],
      ["third", 3, true],
      ["twenty-first", 21, true],
    ]);
  });

  it("codes vague quantities with a nominal value", () => {
    const t = "dozens, scores, hundreds, thousands, tens of thousands, hundreds of thousands, millions";
    const got = findNumbers(t, 0, t.length).map((n) => [n.raw, n.value, n.vague]);
    expect(got).toEqual([
      ["dozens", 24, true],
      ["scores", 20, true],
      ["hundreds", 200, true],
      ["thousands", 2000, true],
      ["tens of thousands", 20000, true],
      ["hundreds of thousands", 200000, true],
      ["millions", 2000000, true],
    ]);
  });

  it("reports the qualifier start", () => {
    const t = "They said at least 15 died.";
    const n = findNumbers(t, 0, t.length)[0]!;
    expect(t.slice(n.qualifierStart, n.end)).toBe("at least 15");
  });

  it("never returns a non-finite value", () => {
    const t = `${"9".repeat(400)} and ${"9".repeat(400)}.5 million`;
    for (const n of findNumbers(t, 0, t.length)) expect(Number.isFinite(n.value)).toBe(true);
  });

  it("stays inside the range and handles long input", () => {
    const t = "12 people and 7 trucks ".repeat(400_000);
    const got = findNumbers(t, 0, t.length);
    expect(got.length).toBe(800_000);
    expect(findNumbers("12 and 13", 3, 9).map((n) => n.raw)).toEqual(["13"]);
  });
});
