import { describe, expect, it } from "vitest";
import { outletProfiles, UNKNOWN_OUTLET } from "./outlets";
import { actor, art, claim, ev, term, view } from "./testing";

const v = view({
  articles: [
    art("a1", "Reuters", "2024-02-10", { wordCount: 500, framingTerms: [term("terror group", "delegitimising", 2)] }),
    art("a2", "Reuters", "2024-02-01", {
      wordCount: 1500,
      framingTerms: [term("terror group", "delegitimising", 1), term("siege", "humanitarian", 3)],
    }),
    art("a3", "Al Jazeera", "2024-02-05", { wordCount: 1000, framingTerms: [term("occupation", "delegitimising", 4)] }),
    art("a4", null, null),
  ],
  actors: [
    actor("israel"),
    actor("hamas"),
    actor("netanyahu", "israel", "PERSON"),
    actor("egypt"),
    actor("moh", "hamas", "GOVERNMENT"),
  ],
  events: [
    ev({ id: "e1", article: "a1", type: "MEET", source: ["hamas"], target: ["egypt"], attributedTo: "egypt" }),
    ev({ id: "e2", article: "a1", type: "ACCUSE", source: ["netanyahu"], target: ["hamas"] }),
    ev({ id: "e3", article: "a2", type: "REJECT", source: ["hamas"], target: ["israel"] }),
    ev({ id: "e4", article: "a3", type: "APPEAL", source: ["egypt"], target: ["israel"], attributedTo: "egypt" }),
    ev({ id: "e5", article: "a4", type: "MILITARY", source: ["israel"] }),
  ],
  claims: [
    claim({ id: "c1", article: "a3", value: 28000, claimant: "moh" }),
    claim({ id: "c2", article: "a1", value: 27000 }),
  ],
});

describe("outletProfiles", () => {
  const profiles = outletProfiles(v);
  const p = (o: string) => profiles.find((x) => x.outlet === o)!;

  it("orders outlets by article count and gathers unattributed articles under one key", () => {
    expect(profiles.map((x) => [x.outlet, x.articleCount])).toEqual([
      ["Reuters", 2],
      ["Al Jazeera", 1],
      [UNKNOWN_OUTLET, 1],
    ]);
  });

  it.each([
    ["Reuters", { first: "2024-02-01", last: "2024-02-10" }],
    ["Al Jazeera", { first: "2024-02-05", last: "2024-02-05" }],
    [UNKNOWN_OUTLET, { first: null, last: null }],
  ])("%s date range", (o, range) => expect(p(o).dateRange).toEqual(range));

  it("counts event types per outlet", () => {
    expect(p("Reuters").eventTypes).toEqual({ ACCUSE: 1, MEET: 1, REJECT: 1 });
    expect(p(UNKNOWN_OUTLET).eventTypes).toEqual({ MILITARY: 1 });
  });

  it("sums framing terms across articles, with rates per 1,000 words", () => {
    expect(p("Reuters").framing).toEqual([
      { term: "siege", frame: "humanitarian", count: 3, per1000Words: 1.5 },
      { term: "terror group", frame: "delegitimising", count: 3, per1000Words: 1.5 },
    ]);
    expect(p("Reuters").frames).toEqual({ delegitimising: 3, humanitarian: 3 });
    expect(p("Al Jazeera").framing[0]).toMatchObject({ term: "occupation", per1000Words: 4 });
    expect(p(UNKNOWN_OUTLET).framing).toEqual([]);
  });

  it("lists whom each outlet quotes: attributions, statement sources and claimants, not mere participants", () => {
    expect(p("Reuters").quotes.map((q) => [q.actor, q.count])).toEqual([
      ["egypt", 1],
      ["netanyahu", 1],
    ]);
    expect(p("Al Jazeera").quotes.map((q) => [q.actor, q.count])).toEqual([
      ["egypt", 1],
      ["moh", 1],
    ]);
  });

  it("rolls quoted and covered actors up when asked", () => {
    const r = outletProfiles(v, { rollUp: true }).find((x) => x.outlet === "Reuters")!;
    expect(r.quotes.map((q) => q.actor)).toEqual(["egypt", "israel"]);
    expect(r.topActors[0]).toEqual({ actor: "hamas", count: 3, articles: 2 });
  });

  it("ranks the top actors covered and honours the limit", () => {
    expect(p("Reuters").topActors.map((a) => [a.actor, a.count])).toEqual([
      ["hamas", 3],
      ["egypt", 1],
      ["israel", 1],
      ["netanyahu", 1],
    ]);
    expect(outletProfiles(v, { topActors: 1 })[0]!.topActors).toHaveLength(1);
  });
});
