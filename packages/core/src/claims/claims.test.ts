import { describe, expect, it } from "vitest";
import { findClaims } from "./claims";

type Row = [string, Array<[string, number, string]>];
const rows: Row[] = [
  ["Shelling has killed more than 2,100 civilians in the east, medics said.", [["killed", 2100, "more_than"]]],
  ["Officials said 53 people were killed in the raid.", [["killed", 53, "exact"]]],
  [
    "The strikes killed at least 310 Yemenis and 12 Saudis.",
    [
      ["killed", 310, "at_least"],
      ["killed", 12, "exact"],
    ],
  ],
  [
    "Forty-one captives remain in the tunnels, nine of whom are believed dead.",
    [
      ["hostages", 41, "exact"],
      ["killed", 9, "exact"],
    ],
  ],
  [
    "Eight people, three of them nurses, were shot dead at the clinic.",
    [
      ["killed", 8, "exact"],
      ["killed", 3, "exact"],
    ],
  ],
  ["The agency put the toll at more than 75.", [["killed", 75, "more_than"]]],
  ["About 900 were wounded.", [["injured", 900, "about"]]],
  ["Some 45,000 villagers fled the valley.", [["displaced", 45000, "about"]]],
  ["Nearly 8,000 residents were evacuated from their homes.", [["displaced", 8000, "nearly"]]],
  ["The town, once home to about 90,000 people, lies in ruins.", [["population", 90000, "about"]]],
  ["Militants seized roughly 60 people at the market.", [["hostages", 60, "about"]]],
  ["The rebels hold 14 hostages.", [["hostages", 14, "exact"]]],
  [
    "Eighteen hostages, 11 Nepalis and seven Filipinos, were freed.",
    [
      ["hostages", 18, "exact"],
      ["hostages", 11, "exact"],
      ["hostages", 7, "exact"],
    ],
  ],
  ["The deal frees 250 detainees.", [["prisoners", 250, "exact"]]],
  ["In all, 120 captured soldiers were exchanged on Friday.", [["prisoners", 120, "exact"]]],
  ["Around 150 aid trucks crossed on Sunday.", [["aid", 150, "about"]]],
  ["Some 300 trucks of aid entered.", [["aid", 300, "about"]]],
  [
    "The plan puts 4,500 peacekeepers in 12 zones.",
    [
      ["other", 4500, "exact"],
      ["other", 12, "exact"],
    ],
  ],
  ["Envoys from 40 countries attended.", [["other", 40, "exact"]]],
  ["Drones struck on at least six occasions.", [["other", 6, "at_least"]]],
  ["It was the 30th exchange since the war began.", [["other", 30, "exact"]]],
  ["A 7-member commission will oversee it.", [["other", 7, "exact"]]],
  [
    "Three missiles hit the depot and two more were intercepted.",
    [
      ["other", 3, "exact"],
      ["other", 2, "exact"],
    ],
  ],
  [
    "Between 1,000 and 3,000 civilians died in the siege.",
    [
      ["killed", 1000, "at_least"],
      ["killed", 3000, "up_to"],
    ],
  ],
  [
    "The army cut its force from about 9,000 troops to 4,000.",
    [
      ["other", 9000, "about"],
      ["other", 4000, "exact"],
    ],
  ],
  // not claims
  ["The truce will last 60 days and talks end in 2026.", []],
  ["The front moved 15km in three weeks.", []],
  ["Some 12 million tonnes of wheat were shipped.", []],
  ["The fund pledged $40 million, or 15 percent.", []],
  ["Women and people over 60, the frail and the sick go first.", []],
  ["It began on the fourth day of the second phase.", []],
  ["The enemy sent four times as many soldiers.", []],
  ["Dozens were killed and thousands fled.", []],
  ["The two sides met on March 4 at 9 p.m.", []],
  ["Resolution 1701 ended the 34-day war.", []],
  ["One official said the Group of Eight would meet.", []],
];

describe("findClaims", () => {
  it.each(rows)("%s", (text, want) => {
    const got = findClaims(text, { start: 0, end: text.length }).map((c) => [c.kind, c.value, c.qualifier]);
    expect(got).toEqual(want);
  });

  it("gives the subject and the number span", () => {
    const t = "Rockets killed 17 Syrian soldiers near Idlib.";
    const [c] = findClaims(t, { start: 0, end: t.length });
    expect(c?.subject).toBe("Syrian soldiers");
    expect(t.slice(c!.start, c!.end)).toBe("17");
    expect(c?.raw).toBe("17");
    expect(c?.location).toBe("Idlib");
  });

  it("only reads its own sentence", () => {
    const t = "Talks ended. Officials said 20 people were killed.";
    expect(findClaims(t, { start: 0, end: 12 })).toEqual([]);
    expect(findClaims(t, { start: 13, end: t.length }).map((c) => c.value)).toEqual([20]);
  });
});
