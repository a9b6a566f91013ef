import { describe, expect, it } from "vitest";
import { actorRoles, type RoleOptions } from "./roles";
import { actor, art, type EvSpec, ev, view } from "./testing";

const articles = [art("a1", "Reuters", "2024-02-01")];
const actors = [
  actor("israel"),
  actor("hamas"),
  actor("hamas-delegation", "hamas"),
  actor("egypt"),
  actor("qatar"),
  actor("us"),
  actor("blinken", "us", "PERSON"),
  actor("france"),
  actor("russia"),
  actor("ukraine"),
  actor("turkey"),
];
const base: EvSpec[] = [
  { article: "a1", type: "MEET", source: ["israel"], target: ["hamas"], mediators: ["egypt"] },
  { article: "a1", type: "REJECT", source: ["hamas"], target: ["israel"] },
  { article: "a1", type: "MILITARY", source: ["israel"], target: ["hamas"] },
  { article: "a1", type: "DEMAND", source: ["israel"], target: ["hamas"] },
  { article: "a1", type: "PROPOSE", source: ["israel"], issues: ["hostages"] },
];

function roles(extra: EvSpec[], options?: RoleOptions) {
  return actorRoles(
    view({
      articles,
      actors,
      events: [...base, ...extra].map((s, i) => ev({ id: `r${String(i).padStart(2, "0")}`, ...s })),
    }),
    options,
  );
}
const roleOf = (r: ReturnType<typeof roles>, a: string, track?: string) =>
  r.roles.find((x) => x.actor === a && (!track || r.tracks.find((t) => t.id === x.track)?.name === track))?.role;

describe("actorRoles", () => {
  const cases: { name: string; extra: EvSpec[]; options?: RoleOptions; expect: [string, string | undefined][] }[] = [
    {
      name: "the two sides of the fighting are parties",
      extra: [],
      expect: [
        ["israel", "party"],
        ["hamas", "party"],
      ],
    },
    { name: "named mediators are mediators", extra: [], expect: [["egypt", "mediator"]] },
    {
      name: "MEDIATE makes a mediator even when it also proposes",
      extra: [
        { article: "a1", type: "MEDIATE", source: ["qatar"], target: ["hamas"] },
        { article: "a1", type: "PROPOSE", source: ["qatar"], target: ["hamas"] },
      ],
      expect: [["qatar", "mediator"]],
    },
    {
      name: "hosting a meeting it does not take part in makes a facilitator",
      extra: [{ article: "a1", type: "MEET", source: ["israel"], target: ["hamas"], place: "paris" }],
      options: { placeCountry: { paris: "france" } },
      expect: [["france", "facilitator"]],
    },
    {
      name: "hosting is not seen without the place → country table",
      extra: [{ article: "a1", type: "MEET", source: ["israel"], target: ["hamas"], place: "paris" }],
      expect: [["france", undefined]],
    },
    {
      name: "a party meeting on its own territory stays a party",
      extra: [{ article: "a1", type: "MEET", source: ["israel"], target: ["hamas"], place: "jerusalem" }],
      options: { placeCountry: { jerusalem: "israel" } },
      expect: [["israel", "party"]],
    },
    {
      name: "shuttle travel makes a facilitator",
      extra: [{ article: "a1", type: "TRAVEL", source: ["blinken"], target: ["israel"] }],
      expect: [["us", "facilitator"]],
    },
    {
      name: "only supporting, assessing and appealing makes an observer",
      extra: [
        { article: "a1", type: "APPEAL", source: ["turkey"], target: ["israel"] },
        { article: "a1", type: "ASSESS", source: ["turkey"], target: ["hamas"] },
      ],
      expect: [["turkey", "observer"]],
    },
    {
      name: "a delegation's acts count for its movement",
      extra: [{ article: "a1", type: "ACCEPT", source: ["hamas-delegation"], target: ["egypt"] }],
      expect: [
        ["hamas", "party"],
        ["hamas-delegation", undefined],
      ],
    },
  ];
  it.each(cases)("$name", ({ extra, options, expect: rows }) => {
    const r = roles(extra, options);
    for (const [a, role] of rows) expect(roleOf(r, a), a).toBe(role);
  });

  it("derives one track per connected group of parties and names it by its two most active parties", () => {
    const r = roles([
      { article: "a1", type: "MILITARY", source: ["russia"], target: ["ukraine"] },
      { article: "a1", type: "REJECT", source: ["ukraine"], target: ["russia"] },
      { article: "a1", type: "MILITARY", source: ["russia"], target: ["ukraine"] },
      { article: "a1", type: "MEET", source: ["ukraine"], target: ["turkey"] },
      { article: "a1", type: "MEDIATE", source: ["turkey"], target: ["ukraine"] },
    ]);
    expect(r.tracks.map((t) => [t.name, t.parties])).toEqual([
      ["Israel–Hamas", ["israel", "hamas"]],
      ["Russia–Ukraine", ["russia", "ukraine"]],
    ]);
    expect(roleOf(r, "turkey", "Russia–Ukraine")).toBe("mediator");
    expect(roleOf(r, "turkey", "Israel–Hamas")).toBeUndefined();
    expect(roleOf(r, "egypt", "Russia–Ukraine")).toBeUndefined();
  });

  it("ignores hypothetical and negated events", () => {
    const r = roles([{ article: "a1", type: "MEDIATE", source: ["qatar"], target: ["hamas"], status: "hypothetical" }]);
    expect(roleOf(r, "qatar")).toBeUndefined();
  });

  it("lists the evidence behind each role and is independent of input order", () => {
    const specs = [...base, { article: "a1", type: "TRAVEL", source: ["blinken"] } as EvSpec].map((s, i) =>
      ev({ id: `q${i}`, ...s }),
    );
    const a = actorRoles(view({ articles, actors, events: specs }));
    const b = actorRoles(view({ articles, actors, events: [...specs].reverse() }));
    expect(b).toEqual(a);
    expect(a.roles.find((x) => x.actor === "egypt")?.evidence.mediator).toEqual(["q0"]);
    expect(a.roles.find((x) => x.actor === "hamas")?.evidence.party).toEqual(["q1", "q2", "q3"]);
    expect(a.roles.find((x) => x.actor === "israel")?.evidence.party).toEqual(["q1", "q2", "q3", "q4"]);
  });
});
