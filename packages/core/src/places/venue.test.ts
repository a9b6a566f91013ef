import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../analyze";

function placeOf(text: string, type: string): string | null {
  const a = analyzeArticle({ text, published: "2021-06-10" });
  return a.events.find((e) => e.type === type)?.location?.name ?? null;
}

describe("eventPlace", () => {
  const rows: Array<[string, string, string, string | null]> = [
    ["the place after 'in' is the venue", "Oslandian envoys met rebel leaders in Geneva on Monday.", "MEET", "Geneva"],
    ["travel goes to its destination", "The foreign minister flew to Doha on Monday.", "TRAVEL", "Doha"],
    [
      "rockets land where they are fired into",
      "Militants fired rockets into northern Israel overnight.",
      "MILITARY",
      "Israel",
    ],
    [
      "a truce covers the area it names",
      "The Gaza truce took effect on Monday after talks in Cairo.",
      "CEASEFIRE",
      "Gaza",
    ],
    ["'the Egyptian capital' is Cairo", "The delegation arrived in the Egyptian capital on Monday.", "TRAVEL", "Cairo"],
    ["a place that modifies talks is their venue", "The rebels walked out of the Geneva talks.", "SUSPEND", "Geneva"],
    [
      "a reporting verb separates the statement's setting from the event",
      "The minister told reporters in Kabul that the government had rejected the plan.",
      "REJECT",
      null,
    ],
    [
      "talks go on where the preceding sentence put them",
      "The envoys signed the accord in Geneva on Monday.\n\nThe two leaders then held talks with the mediators.",
      "MEET",
      "Geneva",
    ],
    ["no place, no venue", "The rebels accepted the proposal.", "ACCEPT", null],
    [
      "'the <region> city of X' takes the description's preposition",
      "The army threatened an offensive on the southern Gaza city of Rafah.",
      "THREATEN",
      "Rafah",
    ],
    ["a demonym before settlements names the state", "Militants fired rockets at Israeli towns.", "MILITARY", "Israel"],
    ["a building is named by its city", "The envoys met at the Palais Coburg on Monday.", "MEET", "Vienna"],
    ["the war's place is not a statement's venue", "Norway praised efforts to end the war in Yemen.", "SUPPORT", null],
    [
      "talks follow the traveller to the destination",
      "A delegation headed to Cairo to meet the mediators.",
      "MEET",
      "Cairo",
    ],
  ];
  it.each(rows)("%s", (_, text, type, expected) => {
    expect(placeOf(text, type)).toBe(expected);
  });
});
