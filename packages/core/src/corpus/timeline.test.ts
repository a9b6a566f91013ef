import { describe, expect, it } from "vitest";
import type { Granularity } from "./dates";
import { actor, art, type EvSpec, ev, view } from "./testing";
import { buildTimeline } from "./timeline";

const articles = [art("a1", "Reuters", "2024-02-10"), art("a2", "AP", "2024-02-12"), art("a3", "AP", null)];
const actors = [actor("israel"), actor("hamas"), actor("hamas-delegation", "hamas")];

function tl(specs: EvSpec[], granularity: Granularity, rollUp = false) {
  return buildTimeline(view({ articles, actors, events: specs.map((s, i) => ev({ id: `t${i}`, ...s })) }), {
    granularity,
    rollUp,
  });
}

describe("buildTimeline", () => {
  const specs: EvSpec[] = [
    {
      article: "a1",
      type: "MEET",
      source: ["israel"],
      target: ["hamas"],
      issues: ["ceasefire.permanent"],
      date: "2024-02-09",
    },
    { article: "a1", type: "MILITARY", source: ["israel"], date: "2024-02-10" },
    { article: "a2", type: "MEET", source: ["hamas-delegation"], date: "2024-02-12" },
    { article: "a2", type: "AGREE", source: ["israel"], target: ["hamas"], status: "planned", date: "2024-02-12" },
    { article: "a2", type: "CEASEFIRE", status: "hypothetical", date: "2024-02-12" },
    { article: "a2", type: "ACCEPT", source: ["hamas"] }, // undated: article published 2024-02-12
    { article: "a1", type: "REJECT", source: ["hamas"], date: "2024-02" },
    { article: "a3", type: "REJECT", source: ["hamas"] },
  ];
  const cases: { g: Granularity; keys: string[]; starts: string[]; occurred: number[] }[] = [
    {
      g: "day",
      keys: ["2024-02-09", "2024-02-10", "2024-02-12"],
      starts: ["2024-02-09", "2024-02-10", "2024-02-12"],
      occurred: [1, 1, 2],
    },
    { g: "week", keys: ["2024-W06", "2024-W07"], starts: ["2024-02-05", "2024-02-12"], occurred: [2, 2] },
    { g: "month", keys: ["2024-02"], starts: ["2024-02-01"], occurred: [5] },
  ];
  it.each(cases)("$g buckets", ({ g, keys, starts, occurred }) => {
    const t = tl(specs, g);
    expect(t.buckets.map((b) => b.key)).toEqual(keys);
    expect(t.buckets.map((b) => b.start)).toEqual(starts);
    expect(t.buckets.map((b) => b.occurred.total)).toEqual(occurred);
    expect(t.undated).toBe(1);
  });

  it("keeps planned and hypothetical events apart from what occurred", () => {
    const b = tl(specs, "day").buckets.find((x) => x.key === "2024-02-12")!;
    expect(b.occurred.byType).toEqual({ ACCEPT: 1, MEET: 1 });
    expect(b.planned.byType).toEqual({ AGREE: 1 });
    expect(b.hypothetical.byType).toEqual({ CEASEFIRE: 1 });
    expect(b.negated.total).toBe(0);
  });

  it("lists month-precision events apart in daily and weekly timelines, but counts them by month", () => {
    expect(tl(specs, "day").tooCoarse).toEqual({ "2024-02": 1 });
    expect(tl(specs, "week").tooCoarse).toEqual({ "2024-02": 1 });
    expect(tl(specs, "month").tooCoarse).toEqual({});
    expect(tl(specs, "month").buckets[0]!.occurred.byType.REJECT).toBe(1);
  });

  it("counts actors (optionally by root) and top-level issues", () => {
    const week7 = (rollUp: boolean) => tl(specs, "week", rollUp).buckets.find((b) => b.key === "2024-W07")!.occurred;
    expect(week7(false).byActor).toEqual({ hamas: 1, "hamas-delegation": 1 });
    expect(week7(true).byActor).toEqual({ hamas: 2 });
    expect(tl(specs, "month").buckets[0]!.occurred.byIssue).toEqual({ ceasefire: 1 });
  });

  it("puts a Sunday in the ISO week that starts the Monday before", () => {
    const t = tl([{ article: "a1", type: "MEET", date: "2024-02-11" }], "week");
    expect(t.buckets.map((b) => [b.key, b.start])).toEqual([["2024-W06", "2024-02-05"]]);
  });
});
