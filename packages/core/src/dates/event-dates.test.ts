import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../analyze";

// 2021-06-10 is a Thursday
const PUB = "2021-06-10";

function datesOf(text: string, type: string): Array<string | null> {
  const a = analyzeArticle({ text, published: PUB });
  return a.events.filter((e) => e.type === type).map((e) => e.date?.value ?? null);
}

describe("resolveEventDate", () => {
  const rows: Array<[string, string, string, string | null]> = [
    [
      "a weekday in a report is the latest one",
      "Oslandian envoys met rebel leaders in Geneva on Monday.",
      "MEET",
      "2021-06-07",
    ],
    [
      "the preceding sentence's day dates a follow-up report",
      "Oslandian envoys met rebel leaders in Geneva on Monday.\n\nThe rebels accepted the proposal.",
      "ACCEPT",
      "2021-06-07",
    ],
    ["a year alone gives no date", "Rebel fighters launched an offensive in 2009.", "MILITARY", null],
    [
      "the start of a period does not date the event",
      "Norway has mediated the talks since they opened in October 2019.",
      "MEDIATE",
      null,
    ],
    [
      "a plan without its own date is undated",
      "Oslandian envoys said on Monday they would meet the rebels.",
      "MEET",
      null,
    ],
    ["'by' a day looks forward", "The army pledged to launch an offensive by June 20.", "MILITARY", "2021-06-20"],
    ["'next week' gives the month", "The two delegations will meet next week.", "MEET", "2021-06"],
    [
      "'the next morning' counts from the day before it",
      "The sides signed the accord on Monday, but rockets struck the port the next morning.",
      "MILITARY",
      "2021-06-08",
    ],
    [
      "'a week after' puts the clause a week before its anchor",
      "The sides exchanged prisoners on Thursday, a week after the army launched strikes on the capital.",
      "MILITARY",
      "2021-06-03",
    ],
  ];
  it.each(rows)("%s", (_, text, type, expected) => {
    expect(datesOf(text, type)[0] ?? null).toBe(expected);
  });

  it("a present-tense headline is dated like the lead event", () => {
    const text =
      "Rivals sign truce deal in Geneva\n\nThe two rival factions signed an agreement in Geneva on Tuesday to end the fighting.";
    const a = analyzeArticle({ text, published: PUB });
    const headline = a.events.find((e) => e.evidence.start === 0);
    expect(headline?.date?.value).toBe("2021-06-08");
  });
});
