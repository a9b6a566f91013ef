import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline";

type Want = {
  prefix: string;
  place: string | null;
  outlet: string | null;
  month?: number;
  day?: number;
  year?: number;
};

const positives: Array<[string, Want]> = [
  [
    "OSLO (Nordic Wire) \u2014 The envoys met.",
    { prefix: "OSLO (Nordic Wire) \u2014 ", place: "Oslo", outlet: "Nordic Wire" },
  ],
  ["June 3 (UPI) -- Talks resumed.", { prefix: "June 3 (UPI) -- ", place: null, outlet: "UPI", month: 6, day: 3 }],
  [
    "TUNIS, October 4. /TASS/. Delegates arrived.",
    { prefix: "TUNIS, October 4. /TASS/. ", place: "Tunis", outlet: "TASS", month: 10, day: 4 },
  ],
  [
    "WEST BANK (Dispatches) \u2013 Settlers marched.",
    { prefix: "WEST BANK (Dispatches) \u2013 ", place: "West Bank", outlet: "Dispatches" },
  ],
  [
    "ANKARA, May 2 (Harbour Press) - The talks ended.",
    { prefix: "ANKARA, May 2 (Harbour Press) - ", place: "Ankara", outlet: "Harbour Press", month: 5, day: 2 },
  ],
  [
    "LVIV, Feb 12 (Steppe Wire) - Shelling stopped.",
    { prefix: "LVIV, Feb 12 (Steppe Wire) - ", place: "Lviv", outlet: "Steppe Wire", month: 2, day: 12 },
  ],
  [
    "AMMAN/RIYADH (Desert Wire) \u2014 Ministers spoke.",
    { prefix: "AMMAN/RIYADH (Desert Wire) \u2014 ", place: "Amman/Riyadh", outlet: "Desert Wire" },
  ],
  ["BOGOTA \u2014 Rebels agreed.", { prefix: "BOGOTA \u2014 ", place: "Bogota", outlet: null }],
  ["Tripoli: The council met.", { prefix: "Tripoli: ", place: "Tripoli", outlet: null }],
  ["Addis Ababa: Mediators arrived.", { prefix: "Addis Ababa: ", place: "Addis Ababa", outlet: null }],
  ["NAIROBI (Reuters) - Fighting eased.", { prefix: "NAIROBI (Reuters) - ", place: "Nairobi", outlet: "Reuters" }],
  [
    "BEIRUT CITY, Nov 9 (Reuters) -",
    { prefix: "BEIRUT CITY, Nov 9 (Reuters) -", place: "Beirut City", outlet: "Reuters", month: 11, day: 9 },
  ],
  ["MINSK, June 2 /TASS/.", { prefix: "MINSK, June 2 /TASS/.", place: "Minsk", outlet: "TASS", month: 6, day: 2 }],
  [
    "SANAA, Dec. 9, 2021 (AP) \u2014 Talks stalled.",
    { prefix: "SANAA, Dec. 9, 2021 (AP) \u2014 ", place: "Sanaa", outlet: "AP", month: 12, day: 9, year: 2021 },
  ],
];

const negatives: string[] = [
  "Jordan, which borders Syria, hosted the talks.",
  "Tripoli says the deal is dead.",
  "On Tuesday: more talks.",
  "Breaking: a deal was struck.",
  "US Secretary of State said so.",
  "The UN - and its agencies - warned.",
  "A - B",
  "Hamas officials said.",
  "12 hostages were freed.",
  "",
];

describe("parseDateline", () => {
  it.each(positives)("%s", (text, want) => {
    const d = parseDateline(text, 0);
    expect(d).not.toBeNull();
    expect(text.slice(d!.start, d!.end)).toBe(want.prefix);
    expect(d!.place).toBe(want.place);
    expect(d!.outlet).toBe(want.outlet);
    expect(d!.month).toBe(want.month ?? null);
    expect(d!.day).toBe(want.day ?? null);
    expect(d!.year).toBe(want.year ?? null);
  });

  it.each(negatives)("no dateline: %s", (text) => {
    expect(parseDateline(text, 0)).toBeNull();
  });

  it("parses at an offset (start of a later paragraph)", () => {
    const text = "Headline here\n\nDAKAR (West Wire) \u2014 Leaders met.";
    const at = text.indexOf("DAKAR");
    const d = parseDateline(text, at);
    expect(d?.start).toBe(at);
    expect(text.slice(d!.end)).toBe("Leaders met.");
  });

  it("handles a huge upper-case line", () => {
    const text = `${"ABCDEFGH ".repeat(500_000)}`;
    for (let i = 0; i < 1000; i++) parseDateline(text, i * 9);
  });
});
