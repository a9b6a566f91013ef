import { describe, expect, it } from "vitest";
import { claimDisagreements, claimSeries, similarSubjects, subjectTokens } from "./claims-series";
import { art, type ClaimSpec, claim, view } from "./testing";

const articles = [
  art("a1", "Reuters", "2024-02-10"),
  art("a2", "Al Jazeera", "2024-02-10"),
  art("a3", "Reuters", "2024-02-09"),
  art("a4", "Haaretz", "2024-03-01"),
  art("a5", null, "2024-02-10"),
];
const v = (specs: ClaimSpec[]) => view({ articles, claims: specs.map((s, i) => claim({ id: `k${i}`, ...s })) });

describe("subjects", () => {
  it.each([
    ["Palestinians", ["palestinian"]],
    ["the Palestinians in Gaza", ["gaza", "palestinian"]],
    ["people", []],
    [null, []],
  ] as const)("%s → %j", (s, t) => expect(subjectTokens(s)).toEqual(t));
  it.each([
    ["Palestinians", "Palestinians in Gaza", true],
    ["Palestinians", "Palestinian", true],
    ["Israeli hostages", "hostages", true],
    ["Palestinians", "Israelis", false],
    ["Palestinian children", "Israeli soldiers", false],
    [null, null, true],
    [null, "Palestinians", false],
  ] as const)("%s ~ %s = %s", (a, b, ok) => expect(similarSubjects(subjectTokens(a), subjectTokens(b))).toBe(ok));
});

describe("claimSeries", () => {
  it("groups by kind and normalised subject, ordered by as-of date falling back to published", () => {
    const s = claimSeries(
      v([
        { article: "a4", value: 30000, subject: "Palestinians" },
        { article: "a1", value: 28000, subject: "Palestinians", asOf: "2024-02-08" },
        { article: "a2", value: 28100, subject: "palestinians" },
        { article: "a1", kind: "hostages", value: 130, subject: "hostages" },
      ]),
    );
    expect(s.map((x) => [x.kind, x.subject, x.label, x.points.map((p) => [p.value, p.date, p.dateSource])])).toEqual([
      ["hostages", "hostage", "hostages", [[130, "2024-02-10", "published"]]],
      [
        "killed",
        "palestinian",
        "Palestinians",
        [
          [28000, "2024-02-08", "asOf"],
          [28100, "2024-02-10", "published"],
          [30000, "2024-03-01", "published"],
        ],
      ],
    ]);
  });
});

describe("claimDisagreements", () => {
  const cases: { name: string; claims: ClaimSpec[]; flagged: [number, string][][] }[] = [
    {
      name: "two outlets, same week, values 25% apart",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 21000 },
      ],
      flagged: [
        [
          [21000, "Al Jazeera"],
          [28000, "Reuters"],
        ],
      ],
    },
    {
      name: "values within 10% agree",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 27000 },
      ],
      flagged: [],
    },
    {
      name: "one outlet disagreeing with itself is not flagged",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a3", value: 20000 },
      ],
      flagged: [],
    },
    {
      name: "different weeks are not compared",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a4", value: 30000 * 2 },
      ],
      flagged: [],
    },
    {
      name: "different kinds are not compared",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 60000, kind: "injured" },
      ],
      flagged: [],
    },
    {
      name: "different subjects are not compared",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 1200, subject: "Israelis" },
      ],
      flagged: [],
    },
    {
      name: "similar subjects are compared",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 20000, subject: "Palestinians in Gaza" },
      ],
      flagged: [
        [
          [20000, "Al Jazeera"],
          [28000, "Reuters"],
        ],
      ],
    },
    {
      name: "claims without an outlet are left out",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a5", value: 10000 },
      ],
      flagged: [],
    },
    {
      name: "an as-of date moves a figure into another bucket",
      claims: [
        { article: "a1", value: 28000 },
        { article: "a2", value: 20000, asOf: "2024-01-20" },
      ],
      flagged: [],
    },
  ];
  it.each(cases)("$name", ({ claims, flagged }) => {
    const out = claimDisagreements(v(claims));
    expect(out.map((d) => d.values.map((x) => [x.value, x.outlet]))).toEqual(flagged);
  });

  it("reports bucket, outlets and spread, and honours the tolerance", () => {
    const claims = [
      { article: "a1", value: 100 },
      { article: "a2", value: 85 },
    ];
    const [d] = claimDisagreements(v(claims));
    expect(d).toMatchObject({
      kind: "killed",
      bucket: "2024-W06",
      outlets: ["Al Jazeera", "Reuters"],
      min: 85,
      max: 100,
    });
    expect(d!.spread).toBeCloseTo(0.15);
    expect(claimDisagreements(v(claims), { tolerance: 0.2 })).toEqual([]);
    expect(claimDisagreements(v(claims), { granularity: "day" })[0]!.bucket).toBe("2024-02-10");
  });
});
