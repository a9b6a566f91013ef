import { describe, expect, it } from "vitest";
import { findDateExpressions } from "./resolve";

// 2021-06-10 is a Thursday
const PUB = "2021-06-10";
type Row = [string, string, string | null, string | null, boolean];
const rows: Row[] = [
  ["The envoys met on Monday.", "on Monday", "2021-06-07", "2021-06-14", true],
  ["Talks ran into Thursday night.", "Thursday night", "2021-06-10", "2021-06-10", true],
  ["He spoke late on Tuesday.", "late on Tuesday", "2021-06-08", "2021-06-15", true],
  ["Friday's session was cancelled.", "Friday's", "2021-06-04", "2021-06-11", true],
  ["They meet Wednesday evening.", "Wednesday evening", "2021-06-09", "2021-06-16", true],
  ["The truce began at 6 a.m. on Sunday.", "at 6 a.m. on Sunday", "2021-06-06", "2021-06-13", true],
  ["The delegation left today.", "today", "2021-06-10", "2021-06-10", true],
  ["A vote is due tonight.", "tonight", "2021-06-10", "2021-06-10", true],
  ["Rebels said so yesterday.", "yesterday", "2021-06-09", "2021-06-09", true],
  ["It met earlier in the day.", "earlier in the day", "2021-06-10", "2021-06-10", true],
  ["Talks resume next week.", "next week", "2021-06", "2021-06", true],
  ["Envoys met last week.", "last week", "2021-06", "2021-06", true],
  ["He visited earlier this month.", "earlier this month", "2021-06", "2021-06", true],
  ["They met last month.", "last month", "2021-05", "2021-05", true],
  ["The war began four months ago.", "four months ago", "2021-02", "2021-02", true],
  ["The accord was signed on May 17.", "on May 17", "2021-05-17", "2022-05-17", false],
  ["A deal is expected by June 20.", "by June 20", "2020-06-20", "2021-06-20", false],
  ["The June 30 deadline looms.", "June 30", "2020-06-30", "2021-06-30", false],
  ["Fighting erupted on 3 April 2019.", "3 April 2019", "2019-04-03", "2019-04-03", false],
  ["Ties were cut in March 2015.", "in March 2015", "2015-03", "2015-03", false],
  ["They last met in late April.", "in late April", "2021-04", "2022-04", false],
  ["Talks collapsed last May.", "last May", "2021-05", "2021-05", true],
  ["The treaty of 1994 holds.", "of 1994", "1994", "1994", false],
  ["The rebels have fought since 1982.", "since 1982", "1982", "1982", false],
  ["They met again the next morning.", "the next morning", null, null, true],
  ["He left the same day.", "the same day", null, null, true],
  ["It ended two days after the vote.", "two days after", null, null, true],
  ["On September 11, 2001, towers fell.", "On September 11, 2001", "2001-09-11", "2001-09-11", false],
];

describe("findDateExpressions", () => {
  it.each(rows)("%s", (text, raw, past, future, relative) => {
    const found = findDateExpressions(text, 0, text.length, PUB);
    expect(found).toHaveLength(1);
    const e = found[0]!;
    expect(e.raw).toBe(raw);
    expect(text.slice(e.start, e.end)).toBe(raw);
    expect(e.past?.value ?? null).toBe(past);
    expect(e.future?.value ?? null).toBe(future);
    expect(e.relative).toBe(relative);
  });

  it.each([
    "The 13:50 update said 1,200 people left.",
    "It was the 50th swap.",
    "Officials may meet soon.",
    "About 2,000 troops remain.",
  ])("no date in: %s", (text) => {
    expect(findDateExpressions(text, 0, text.length, PUB)).toEqual([]);
  });

  it("resolves deictic expressions to null without a publication date", () => {
    const t = "On Monday, a day after the March 3, 2020 vote, they met last week.";
    const found = findDateExpressions(t, 0, t.length, null);
    expect(found.map((e) => [e.raw, e.past?.value ?? null])).toEqual([
      ["On Monday", null],
      ["a day after", null],
      ["March 3, 2020", "2020-03-03"],
      ["last week", null],
    ]);
  });

  it("uses the context year for a date without a year", () => {
    const t = "They met on July 2.";
    expect(findDateExpressions(t, 0, t.length, null, { year: 2018 })[0]?.past?.value).toBe("2018-07-02");
  });

  it("only reads inside [start, end)", () => {
    const t = "Monday. Then on Friday.";
    const found = findDateExpressions(t, 8, t.length, PUB);
    expect(found.map((e) => e.raw)).toEqual(["on Friday"]);
  });

  it("gives the precision", () => {
    const t = "in 1999, in June 2000, on June 3, 2000";
    expect(findDateExpressions(t, 0, t.length, PUB).map((e) => e.past?.precision)).toEqual(["year", "month", "day"]);
  });
});
