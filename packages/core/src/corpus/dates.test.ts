import { describe, expect, it } from "vitest";
import { bucketOf, compatibleDates, dateSortKey, isoWeek } from "./dates";

describe("isoWeek", () => {
  it.each([
    ["2024-01-01", "2024-W01"], // Monday
    ["2023-01-01", "2022-W52"], // Sunday belongs to the previous ISO year
    ["2020-12-31", "2020-W53"],
    ["2021-01-03", "2020-W53"],
    ["2024-12-30", "2025-W01"],
    ["2024-02-10", "2024-W06"],
  ])("%s → %s", (day, week) => expect(isoWeek(day)).toBe(week));
});

describe("bucketOf", () => {
  it.each([
    ["2024-02-10", "day", "2024-02-10"],
    ["2024-02-10", "week", "2024-W06"],
    ["2024-02-10", "month", "2024-02"],
    ["2024-02", "day", null],
    ["2024-02", "week", null],
    ["2024-02", "month", "2024-02"],
    ["2024", "month", null],
  ] as const)("%s at %s → %s", (value, g, out) => expect(bucketOf(value, g)).toBe(out));
});

describe("compatibleDates / dateSortKey", () => {
  it.each([
    ["2024-02-10", "2024-02-10", true],
    ["2024-02", "2024-02-10", true],
    ["2024", "2024-02-10", true],
    ["2024-03", "2024-02-10", false],
    ["2024-02-11", "2024-02-10", false],
  ] as const)("%s ~ %s = %s", (a, b, ok) => {
    expect(compatibleDates(a, b)).toBe(ok);
    expect(compatibleDates(b, a)).toBe(ok);
  });
  it("sorts a month before the days in it", () => {
    expect(
      ["2024-02-10", "2024-02", "2024-01-31", "2024"].sort((a, b) => (dateSortKey(a) < dateSortKey(b) ? -1 : 1)),
    ).toEqual(["2024", "2024-01-31", "2024-02", "2024-02-10"]);
  });
});
