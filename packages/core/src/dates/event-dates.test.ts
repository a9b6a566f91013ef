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
      "the preceding sentence's day dates a related report",
      "The rebels accepted the proposal in Geneva on Monday.\n\nThe army accepted it as well.",
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
    [
      "a comma-set 'after' clause keeps its own time",
      "The envoy flew to Geneva on Monday, after the rebels rejected the offer.",
      "REJECT",
      null,
    ],
    ["a short span after a plan gives its month", "The talks will continue for three more days.", "RESUME", "2021-06"],
    ["a long span after a plan is a deadline, not a date", "Troops are to withdraw within 135 days.", "MOBILIZE", null],
    ["'weeks of' an activity leaves it undated", "The truce followed weeks of mediation by Norway.", "MEDIATE", null],
    [
      "'during the pause' gives the month",
      "Aid convoys entered the enclave during the pause.",
      "HUMANITARIAN",
      "2021-06",
    ],
    [
      "a date right after another event's verb is that event's",
      "The truce has entered its third day, the first of two extra days agreed on Monday.",
      "CEASEFIRE",
      "2021-06-10",
    ],
    [
      "an unrelated event does not take the preceding sentence's date",
      "Oslandian envoys met rebel leaders in Geneva on Monday.\n\nThe rebels praised the mediators.",
      "SUPPORT",
      null,
    ],
  ];
  it.each(rows)("%s", (_, text, type, expected) => {
    // the last event of the type: in two-sentence rows, the one in the second sentence
    expect(datesOf(text, type).at(-1) ?? null).toBe(expected);
  });

  it("a present-tense headline is dated like the lead event", () => {
    const text =
      "Rivals sign truce deal in Geneva\n\nThe two rival factions signed an agreement in Geneva on Tuesday to end the fighting.";
    const a = analyzeArticle({ text, published: PUB });
    const headline = a.events.find((e) => e.evidence.start === 0);
    expect(headline?.date?.value).toBe("2021-06-08");
  });
});
