import { describe, expect, it } from "vitest";
import { clusterEvents } from "./clusters";
import { actor, art, type EvSpec, ev, view } from "./testing";

const articles = [
  art("a1", "Reuters", "2024-02-10"),
  art("a2", "Al Jazeera", "2024-02-10"),
  art("a3", "Haaretz", "2024-02-20"),
  art("a4", "Reuters", "2024-02-11"),
  art("a5", "AP", "2024-03-02"),
  art("a6", "AP", "2024-02-05"), // Monday of the ISO week of a1/a2 (Saturday 2024-02-10, 2024-W06)
];
const actors = [
  actor("israel"),
  actor("hamas", null, "ARMED_GROUP"),
  actor("hamas-delegation", "hamas", "GOVERNMENT"),
  actor("egypt"),
  actor("qatar"),
];

const cairoMeet = (article: string, extra: Partial<EvSpec> = {}): EvSpec => ({
  article,
  type: "MEET",
  source: ["hamas"],
  target: ["egypt"],
  date: "2024-02-09",
  place: "cairo",
  ...extra,
});

function run(specs: EvSpec[], reverse = false) {
  const events = specs.map((s, i) => ev({ id: `x${i}`, ...s }));
  return clusterEvents(view({ articles, actors, events: reverse ? events.reverse() : events }));
}

describe("clusterEvents", () => {
  const cases: { name: string; events: EvSpec[]; sizes: number[]; corroboration?: [number, number] }[] = [
    {
      name: "two outlets report the same Cairo meeting on the same day",
      events: [cairoMeet("a1"), cairoMeet("a2")],
      sizes: [2],
      corroboration: [2, 2],
    },
    {
      name: "a later report with month precision joins",
      events: [cairoMeet("a1"), cairoMeet("a2"), cairoMeet("a3", { date: "2024-02" })],
      sizes: [3],
      corroboration: [3, 3],
    },
    {
      name: "a year-precision report joins too",
      events: [cairoMeet("a1"), cairoMeet("a3", { date: "2024" })],
      sizes: [2],
    },
    {
      name: "a month-precision report of another month does not join",
      events: [cairoMeet("a1"), cairoMeet("a3", { date: "2024-03" })],
      sizes: [1, 1],
    },
    {
      name: "a different-type event does not join",
      events: [cairoMeet("a1"), cairoMeet("a2", { type: "CALL" })],
      sizes: [1, 1],
    },
    {
      name: "two outlets report a meeting 3 days apart in the same city with the same parties",
      events: [cairoMeet("a1"), cairoMeet("a2", { date: "2024-02-12" })],
      sizes: [2],
      corroboration: [2, 2],
    },
    {
      name: "a round of talks: reports 7 days apart join (the MEET window)",
      events: [cairoMeet("a1", { date: "2024-02-06" }), cairoMeet("a2", { date: "2024-02-13" })],
      sizes: [2],
    },
    {
      name: "8 days apart is beyond the MEET window",
      events: [cairoMeet("a1", { date: "2024-02-06" }), cairoMeet("a2", { date: "2024-02-14" })],
      sizes: [1, 1],
    },
    {
      name: "20 days apart are two meetings",
      events: [cairoMeet("a1"), cairoMeet("a2", { date: "2024-02-29" })],
      sizes: [1, 1],
    },
    {
      name: "3 days apart in different places are two meetings",
      events: [cairoMeet("a1"), cairoMeet("a2", { date: "2024-02-12", place: "doha" })],
      sizes: [1, 1],
    },
    {
      name: "the window crosses a month and a year boundary",
      events: [cairoMeet("a1", { date: "2023-12-29" }), cairoMeet("a2", { date: "2024-01-02" })],
      sizes: [2],
    },
    {
      name: "statements are one day apart at most (REJECT window 1)",
      events: [
        cairoMeet("a1", { type: "REJECT", date: "2024-02-09" }),
        cairoMeet("a2", { type: "REJECT", date: "2024-02-10" }),
        cairoMeet("a4", { type: "REJECT", date: "2024-02-12" }),
      ],
      sizes: [2, 1],
    },
    {
      name: "military action is two days apart at most (MILITARY window 2)",
      events: [
        cairoMeet("a1", { type: "MILITARY", date: "2024-02-09" }),
        cairoMeet("a2", { type: "MILITARY", date: "2024-02-11" }),
        cairoMeet("a4", { type: "MILITARY", date: "2024-02-12" }),
      ],
      sizes: [2, 1],
    },
    {
      name: "daily meetings do not chain beyond the window: the span from the earliest day is bounded",
      events: [0, 3, 6, 9, 12, 15].map((d, i) =>
        cairoMeet(["a1", "a2", "a3", "a4", "a5", "a6"][i]!, { date: `2024-02-${String(1 + d).padStart(2, "0")}` }),
      ),
      sizes: [3, 3],
    },
    {
      name: "a month report joins a cluster with a day in that month, across a month boundary",
      events: [
        cairoMeet("a1", { date: "2024-01-30" }),
        cairoMeet("a2", { date: "2024-02-02" }),
        cairoMeet("a3", { date: "2024-02" }),
      ],
      sizes: [3],
    },
    {
      name: "affiliation root overlaps: 'Hamas delegation' and 'Hamas'",
      events: [cairoMeet("a1"), cairoMeet("a2", { source: ["hamas-delegation"], target: [] })],
      sizes: [2],
    },
    {
      name: "mediators count as actors",
      events: [
        cairoMeet("a1", { source: ["israel"], target: [], mediators: ["egypt"] }),
        cairoMeet("a2", { source: ["qatar"], target: ["egypt"] }),
      ],
      sizes: [2],
    },
    {
      name: "no shared actor does not join",
      events: [cairoMeet("a1"), cairoMeet("a2", { source: ["israel"], target: ["qatar"] })],
      sizes: [1, 1],
    },
    {
      name: "different places do not join",
      events: [cairoMeet("a1"), cairoMeet("a2", { place: "doha" })],
      sizes: [1, 1],
    },
    { name: "a report without a place joins", events: [cairoMeet("a1"), cairoMeet("a2", { place: null })], sizes: [2] },
    {
      name: "undated reports published in the same ISO week join",
      events: [cairoMeet("a1", { date: null }), cairoMeet("a6", { date: null })],
      sizes: [2],
    },
    {
      name: "undated reports published in different weeks do not",
      events: [cairoMeet("a1", { date: null }), cairoMeet("a3", { date: null })],
      sizes: [1, 1],
    },
    {
      name: "an undated report does not join a dated one",
      events: [cairoMeet("a1"), cairoMeet("a2", { date: null })],
      sizes: [1, 1],
    },
    {
      name: "actorless events merge only with actorless ones",
      events: [
        cairoMeet("a1", { type: "CEASEFIRE", source: [], target: [] }),
        cairoMeet("a2", { type: "CEASEFIRE", source: [], target: [] }),
        cairoMeet("a4", { type: "CEASEFIRE" }),
      ],
      sizes: [2, 1],
    },
    {
      name: "repeat mentions in one article count once",
      events: [cairoMeet("a1"), cairoMeet("a1")],
      sizes: [2],
      corroboration: [1, 1],
    },
    {
      name: "two articles of one outlet are one outlet",
      events: [cairoMeet("a1"), cairoMeet("a4")],
      sizes: [2],
      corroboration: [2, 1],
    },
    {
      name: "a month report never bridges two clusters",
      events: [cairoMeet("a1"), cairoMeet("a2", { date: "2024-02-27" }), cairoMeet("a3", { date: "2024-02" })],
      sizes: [2, 1],
    },
    {
      name: "a later report joins the nearer of two clusters in its window",
      events: [
        cairoMeet("a1", { date: "2024-02-01" }),
        cairoMeet("a2", { date: "2024-02-05", place: "doha" }),
        cairoMeet("a4", { date: "2024-02-06", place: null }),
      ],
      sizes: [2, 1],
    },
  ];
  it.each(cases)("$name", ({ events, sizes, corroboration }) => {
    const out = run(events);
    expect(out.map((c) => c.eventIds.length).sort((a, b) => b - a)).toEqual(sizes);
    // the same clusters whatever the input order
    expect(run(events, true)).toEqual(out);
    if (corroboration) {
      const big = out.find((c) => c.eventIds.length === sizes[0])!;
      expect([big.articleCount, big.outletCount]).toEqual(corroboration);
    }
  });

  it("a report in the windows of two clusters joins the nearer one", () => {
    const out = run([
      cairoMeet("a1", { date: "2024-02-01" }),
      cairoMeet("a2", { date: "2024-02-05", place: "doha" }),
      cairoMeet("a4", { date: "2024-02-06", place: null }),
    ]);
    expect(out.map((c) => c.eventIds)).toEqual([["x0"], ["x1", "x2"]]);
    expect(out[1]).toMatchObject({
      date: "2024-02-05",
      placeId: "doha",
      dateSpan: { min: "2024-02-05", max: "2024-02-06" },
    });
  });

  it("reports first report, outlets, issues, date span, statuses and the shared date", () => {
    const [c] = run([
      cairoMeet("a3", { date: "2024-02", issues: ["hostages"], status: "occurred" }),
      cairoMeet("a2", { issues: ["ceasefire"] }),
      cairoMeet("a1", { issues: ["ceasefire.permanent"], status: "planned" }),
    ]);
    expect(c).toMatchObject({
      type: "MEET",
      date: "2024-02-09",
      placeId: "cairo",
      actors: ["egypt", "hamas"],
      issues: ["ceasefire", "ceasefire.permanent", "hostages"],
      outlets: ["Al Jazeera", "Haaretz", "Reuters"],
      dateSpan: { min: "2024-02", max: "2024-02-09" },
      statuses: { occurred: 2, planned: 1 },
      eventIds: ["x0", "x1", "x2"],
    });
    // a1 and a2 share the earliest publication date; the event id breaks the tie
    expect(c!.firstReport).toEqual({ eventId: "x1", articleId: "a2", published: "2024-02-10", outlet: "Al Jazeera" });
  });

  it("is deterministic regardless of input order, with ids from member event ids", () => {
    const specs = [
      cairoMeet("a1"),
      cairoMeet("a2", { source: ["hamas-delegation"] }),
      cairoMeet("a3", { date: "2024-02" }),
      cairoMeet("a5", { type: "REJECT", date: "2024-03-01" }),
      cairoMeet("a4", { source: ["israel"], target: ["qatar"], place: "doha" }),
    ].map((s, i) => ev({ id: `y${i}`, ...s }));
    const forward = clusterEvents(view({ articles, actors, events: specs }));
    const backward = clusterEvents(view({ articles, actors, events: [...specs].reverse() }));
    const shuffled = clusterEvents(
      view({ articles, actors, events: [specs[3]!, specs[0]!, specs[4]!, specs[2]!, specs[1]!] }),
    );
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
    expect(forward.map((c) => c.id)).toEqual([...new Set(forward.map((c) => c.id))]);
    expect(forward[0]!.id).toMatch(/^cl_[0-9a-f]{16}$/);
    // a cluster's id changes when its membership changes
    const fewer = clusterEvents(view({ articles, actors, events: specs.slice(1) }));
    expect(fewer.map((c) => c.id)).not.toContain(forward.find((c) => c.eventIds.includes("y0"))!.id);
  });

  it("scales to a 60k-event corpus without comparing all pairs", () => {
    const many = [];
    const days = 120;
    for (let i = 0; i < 60_000; i++) {
      const d = new Date(Date.UTC(2024, 0, 1) + (i % days) * 86_400_000).toISOString().slice(0, 10);
      many.push(
        ev({ id: `m${i}`, article: "a1", type: "MILITARY", source: [`army${i % 50}`], target: ["hamas"], date: d }),
      );
    }
    const out = clusterEvents(view({ articles, actors, events: many }));
    // all share the target "hamas": each cluster spans the 2-day MILITARY window (3 consecutive days)
    expect(out).toHaveLength(days / 3);
    expect(out.every((c) => c.eventIds.length === (60_000 / days) * 3)).toBe(true);
  });
});
